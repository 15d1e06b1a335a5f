using Mapper.Console.Tests.Support;
using Mapper.Engine.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Api;

public sealed class FailureTests
{
    [Fact]
    public async Task Map_UnexpectedFailureAtAnEdge_Returns500WithoutStackTraceAndCountsIt()
    {
        var recorder = new ThrowingDecisionRecorder();
        await using var factory = new MapperFactory(services: s => s.AddSingleton<IDecisionRecorder>(recorder));
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/map", Http.Ssn, ("X-Request-ID", "boom-1"));

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var detail = await response.AssertErrorAsync(500, "INTERNAL_ERROR");
        Assert.Equal(1, recorder.Calls);
        Assert.Equal("boom-1", response.Header("X-Request-ID"));
        Assert.DoesNotContain(ThrowingDecisionRecorder.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);

        var summary = await (await client.GetAsync("/metrics/summary", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal(1, (int)summary["slis"]!["http5xx"]!);
        Assert.Equal(100, (double)summary["slis"]!["http5xx_percentage"]!);
        Assert.Equal(1, (double)summary["counters"]!["errors"]!["INTERNAL_ERROR"]!);
        Assert.Equal("boom-1", (string?)detail["request_id"]);
    }
}
