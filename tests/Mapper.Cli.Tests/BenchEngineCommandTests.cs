using System.Text.Json;

namespace Mapper.Cli.Tests;

/// <summary>The benchmark prints numbers; these tests check that it runs and what it prints, never how fast.</summary>
public sealed class BenchEngineCommandTests
{
    [Fact]
    public async Task Run_FewIterationsJson_PrintsEveryMeasurement()
    {
        using var workspace = new CliWorkspace();

        var run = await workspace.RunAsync("bench", "engine", "--iterations", "50", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var result = JsonDocument.Parse(run.Out);
        var root = result.RootElement;
        Assert.Equal(50, root.GetProperty("single_item_calls").GetInt32());
        foreach (var series in new[] { "direct", "through_micro_batcher", "rule_mapper", "rule_mapper_token_tier" })
        {
            foreach (var field in new[] { "p50_microseconds", "p95_microseconds", "p99_microseconds" })
            {
                Assert.True(root.GetProperty(series).GetProperty(field).GetDouble() > 0, $"{series}.{field}");
            }
        }

        foreach (var field in new[] { "batched_items_per_second", "session_load_milliseconds", "swap_milliseconds", "working_set_bytes", "adapter_file_bytes" })
        {
            Assert.True(root.GetProperty(field).GetDouble() > 0, field);
        }

        var tiers = root.GetProperty("rule_mapper_inputs_by_tier").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tier").GetString()!, t => t.GetProperty("inputs").GetInt32());
        Assert.All(new[] { "exact", "normalised", "alias", "cross_detector", "lexicon", "token", "none" }, tier => Assert.True(tiers[tier] > 0, tier));
        var concurrent = root.GetProperty("concurrent_batcher");
        Assert.Equal(16, concurrent.GetProperty("callers").GetInt32());
        Assert.True(concurrent.GetProperty("items_per_second").GetDouble() > 0);
        Assert.True(concurrent.GetProperty("mean_batch_size").GetDouble() >= 1);
        Assert.True(concurrent.GetProperty("latency").GetProperty("p95_microseconds").GetDouble() > 0);
        var pipeline = root.GetProperty("pipeline");
        Assert.All(new[] { "rules_only", "hybrid", "schema_check" }, series => Assert.True(pipeline.GetProperty(series).GetProperty("p50_microseconds").GetDouble() > 0, series));
        Assert.InRange(pipeline.GetProperty("hybrid_model_share").GetDouble(), 0.5, 1.0);
        Assert.All(new[] { "rules_only_bytes_per_request", "hybrid_bytes_per_request" }, key => Assert.True(pipeline.GetProperty(key).GetDouble() > 0, key));

        var breakdown = root.GetProperty("breakdown");
        Assert.True(breakdown.GetProperty("onnx_run_microseconds").GetDouble() > 0);
        Assert.True(breakdown.GetProperty("featurize_microseconds").GetDouble() > 0);
        Assert.True(breakdown.GetProperty("runs_per_batch").GetDouble() >= 1);
    }
}
