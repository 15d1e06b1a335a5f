using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Api;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_HybridWithoutModel_DegradedButReady()
    {
        await using var factory = new MapperFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.NotEqual("", response.Header("X-Request-ID"));
        var body = await response.JsonAsync();
        Assert.Equal("degraded", (string?)body["status"]);
        Assert.True((bool)body["ready"]!);
        Assert.Contains("no_model", (string?)body["message"]);
        Assert.True((bool)body["rules"]!["loaded"]!);
        Assert.Equal(256, (int)body["rules"]!["rule_count"]!);
        Assert.Equal(12, (int)body["rules"]!["detectors"]!);
        Assert.Equal("2025.09", (string?)body["rules"]!["taxonomy_version"]);
        Assert.Equal("hybrid", (string?)body["model"]!["mode"]);
        Assert.Equal("none", (string?)body["model"]!["active_model"]);
        Assert.True((bool)body["store"]!["writable"]!);
        Assert.Equal(factory.DataDirectory, (string?)body["store"]!["data_directory"]);
    }

    [Fact]
    public async Task Health_RulesOnly_Ready()
    {
        await using var factory = new MapperFactory(new Dictionary<string, string?> { ["Mapper:Mode"] = "rules_only" });
        using var client = factory.CreateClient();

        var body = await (await client.GetAsync("/health", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal("ready", (string?)body["status"]);
        Assert.Equal("rules_only", (string?)body["model"]!["mode"]);
        Assert.Equal("not_used", (string?)body["model"]!["state"]);
    }

    [Fact]
    public async Task Health_ModelActive_ReadyNamingIt()
    {
        await using var factory = new MapperFactory(model: new FixedScorer("PII.Identifier.SSN", 0.9));
        using var client = factory.CreateClient();

        var body = await (await client.GetAsync("/health", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal("ready", (string?)body["status"]);
        Assert.Equal("fixed@1", (string?)body["model"]!["active_model"]);
    }

    [Fact]
    public async Task Health_StoreNotWritable_Returns503()
    {
        // A still clock: the sampler's 1-second tick would otherwise probe the store first on a busy machine, and its
        // cached "writable" answer (StoreProbeInterval) would be what /health reports.
        await using var factory = new MapperFactory(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow));
        using var client = factory.CreateClient();
        Directory.Delete(factory.DataDirectory, recursive: true);
        await File.WriteAllTextAsync(factory.DataDirectory, "a file where the directory was", TestContext.Current.CancellationToken);

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(503, (int)response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("unavailable", (string?)body["status"]);
        Assert.False((bool)body["store"]!["writable"]!);
    }
}
