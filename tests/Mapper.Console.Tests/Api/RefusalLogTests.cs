using System.Collections.Concurrent;
using Mapper.Console.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Mapper.Console.Tests.Api;

/// <summary>Refusals are logged at Debug with the contract's field names only: client key names are client text.</summary>
public sealed class RefusalLogTests
{
    private const string Marker = "SECRETKEYNAME";

    [Theory]
    [InlineData("""{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"SECRETKEYNAME":1}}""", "metadata.<key>: unknown field")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"normalized_scores":{"SECRETKEYNAME":7}}}""", "metadata.normalized_scores.<key>: must be a number")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"provenance":[{"detector":"a","SECRETKEYNAME":1}]}}""", "metadata.provenance[0].<key>: unknown field")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","metadata":{"SECRETKEYNAME":{"x":1,"x":2}}}""", "metadata.<key>.<key>: a duplicate key")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","metadata":{"SECRETKEYNAME":"a\nb\nc\nd"}}""", "raw_content: metadata.<key>: a string with 3 newlines")]
    public async Task Map_RefusedForAClientKey_LogsOnlyKnownNames(string body, string logged)
    {
        var logs = new CapturingLoggerProvider();
        await using var factory = new MapperFactory(new Dictionary<string, string?> { ["Logging:LogLevel:Mapper.Console.Api"] = "Debug" });
        await using var logging = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = logging.CreateClient();

        using var response = await client.PostAsync("/map", body);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(Marker, text);
        var refusal = Assert.Single(logs.Messages, m => m.Contains("Refused a mapping request", StringComparison.Ordinal));
        Assert.Contains(logged, refusal);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(Marker, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capturing(Messages);

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
