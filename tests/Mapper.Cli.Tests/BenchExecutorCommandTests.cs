using System.Text.Json;

namespace Mapper.Cli.Tests;

/// <summary><c>mapper bench executor</c> as a smoke run: a few changes from several callers, each applied and audited.</summary>
public sealed class BenchExecutorCommandTests
{
    [Fact]
    public async Task Run_FortyChangesFromFourCallers_EveryChangeAuditedTheChainIntactAndTheStoreGrew()
    {
        using var workspace = new CliWorkspace();

        var run = await workspace.RunAsync("bench", "executor", "--changes", "40", "--callers", "4", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Err);
        using var report = JsonDocument.Parse(run.Out);
        var root = report.RootElement;
        Assert.Equal(40, root.GetProperty("changes").GetInt32());
        Assert.True(root.GetProperty("chain_intact").GetBoolean());
        // Start-up writes its own rows (store initialised, first admin, the baseline adapter); the 40 come on top.
        Assert.True(root.GetProperty("audit_rows").GetInt64() >= 40 + 3, run.Out);
        Assert.True(root.GetProperty("store_bytes_after").GetInt64() > root.GetProperty("store_bytes_before").GetInt64(), run.Out);
        Assert.True(root.GetProperty("per_change").GetProperty("p50_microseconds").GetDouble() > 0, run.Out);
    }

    [Fact]
    public async Task Run_ZeroChanges_RefusedAsBadInput()
    {
        using var workspace = new CliWorkspace();

        var run = await workspace.RunAsync("bench", "executor", "--changes", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--changes", run.Err, StringComparison.Ordinal);
    }
}
