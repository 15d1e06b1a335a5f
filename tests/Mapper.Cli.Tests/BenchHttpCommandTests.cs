using System.Text.Json;

namespace Mapper.Cli.Tests;

/// <summary>The HTTP benchmark prints numbers; these tests run it for a fraction of a second and check what it prints, never how fast.</summary>
public sealed class BenchHttpCommandTests
{
    [Fact]
    public async Task Run_ShortJson_MeasuresEveryScenarioAndTheWorstCase()
    {
        using var workspace = new CliWorkspace();

        var run = await workspace.RunAsync("bench", "http", "--clients", "1,2", "--seconds", "0.3", "--warmup", "0.1", "--rounds", "2", "--repeats", "2", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Err);
        using var result = JsonDocument.Parse(run.Out);
        var root = result.RootElement;
        Assert.StartsWith("mapper-baseline@", root.GetProperty("model").GetString());
        Assert.StartsWith("http://127.0.0.1:", root.GetProperty("address").GetString());
        Assert.Contains("share", root.GetProperty("machine").GetProperty("note").GetString());
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["noop", "noop", "rules_only", "rules_only", "hybrid", "hybrid", "hybrid_model", "hybrid_model"], runs.Select(r => r.GetProperty("scenario").GetString()));
        Assert.Equal([1, 2, 1, 2, 1, 2, 1, 2], runs.Select(r => r.GetProperty("clients").GetInt32()));

        // As shipped, repeated bodies come from the adapter's cache; hybrid_model really runs the model every time.
        Assert.All(runs.Where(r => r.GetProperty("scenario").GetString() == "hybrid"), r => Assert.True(r.GetProperty("cached_share").GetDouble() > 0, r.ToString()));
        Assert.All(runs.Where(r => r.GetProperty("scenario").GetString() == "hybrid_model"), r => Assert.Equal(0, r.GetProperty("cached_share").GetDouble()));
        foreach (var r in runs)
        {
            // A short run on a loaded machine still completes requests; say which run did not.
            Assert.True(r.GetProperty("requests").GetInt64() > 0, r.ToString());
            Assert.True(r.GetProperty("requests_per_second").GetDouble() > 0, r.ToString());
            Assert.True(r.GetProperty("p50_ms").GetDouble() > 0, r.ToString());
            Assert.True(r.GetProperty("p99_ms").GetDouble() >= r.GetProperty("p50_ms").GetDouble(), r.ToString());
            Assert.Equal(0, r.GetProperty("non200").GetInt64());
            Assert.Equal(2, r.GetProperty("rounds").GetInt32());
            Assert.InRange(r.GetProperty("requests_per_second").GetDouble(), r.GetProperty("min_requests_per_second").GetDouble(), r.GetProperty("max_requests_per_second").GetDouble());
            Assert.True(r.GetProperty("cpu_microseconds_per_request").GetDouble() > 0, r.ToString());
        }

        var worst = root.GetProperty("worst_case").EnumerateArray().ToList();
        Assert.Equal(8, worst.Count);
        Assert.All(worst, w => Assert.Equal(200, w.GetProperty("status").GetInt32()));
        Assert.All(worst, w => Assert.Equal(400, w.GetProperty("words").GetInt32()));
        Assert.Equal(422, root.GetProperty("over_limits").GetProperty("status").GetInt32());
        Assert.True(root.GetProperty("contention").GetProperty("singles").GetInt32() > 0, root.GetProperty("contention").ToString());
    }

    [Fact]
    public async Task Run_Text_PrintsTheTableAndTheSharedMachineNote()
    {
        using var workspace = new CliWorkspace();

        var run = await workspace.RunAsync("bench", "http", "--clients", "1", "--seconds", "0.1", "--warmup", "0", "--rounds", "1", "--repeats", "1");

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("req/s", run.Out, StringComparison.Ordinal);
        Assert.Contains("share these", run.Out, StringComparison.Ordinal);
        Assert.Contains("the old 600 ms body (100 items x 280 labels", run.Out, StringComparison.Ordinal);
        Assert.Contains("status 422", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--clients", "0,2")]
    [InlineData("--clients", "many")]
    [InlineData("--seconds", "-1")]
    [InlineData("--rounds", "0")]
    public async Task Run_BadFlag_ExitsTwoNamingIt(string flag, string value)
    {
        var run = await CliRun.RunAsync("bench", "http", flag, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(flag, run.Err, StringComparison.Ordinal);
    }
}
