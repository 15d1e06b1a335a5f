using System.Text.Json;

namespace Mapper.Cli.Tests;

public sealed class AdaptersCommandTests
{
    [Fact]
    public async Task Train_ThenList_ShowsTheNewVersionWithItsMetrics()
    {
        using var workspace = new CliWorkspace();

        var train = await workspace.RunAsync("adapters", "train", "--epochs", "2", "--version", "2.0.0");
        var list = await workspace.RunAsync("adapters", "list", "--format", "json");

        Assert.Equal(0, train.ExitCode);
        Assert.Contains("trained mapper-baseline@2.0.0", train.Out, StringComparison.Ordinal);
        Assert.Matches(@"dropped by the leak guard [1-9]\d*", train.Out);
        Assert.True(File.Exists(Path.Combine(workspace.AdapterFolder("2.0.0"), "model.onnx")));
        Assert.Equal(0, list.ExitCode);
        using var view = JsonDocument.Parse(list.Out);
        var adapter = Assert.Single(view.RootElement.GetProperty("adapters").EnumerateArray());
        Assert.Equal("2.0.0", adapter.GetProperty("version").GetString());
        Assert.Equal(2, adapter.GetProperty("hyper_parameters").GetProperty("epochs").GetInt32());
        Assert.True(adapter.GetProperty("dropped_by_leak_guard").GetInt32() > 0);
        Assert.Empty(view.RootElement.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task ActivateThenRollback_RollbackIsANewRevisionAndHistoryIsKept()
    {
        using var workspace = await CliWorkspace.WithTrainedAdaptersAsync();

        Assert.Equal(0, (await workspace.RunAsync("adapters", "activate", "--version", "1.0.0")).ExitCode);
        Assert.Equal(0, (await workspace.RunAsync("adapters", "activate", "--version", "1.0.1", "--reason", "newer")).ExitCode);
        var rollback = await workspace.RunAsync("adapters", "rollback", "--to", "1.0.0", "--reason", "regression");
        var list = await workspace.RunAsync("adapters", "list", "--format", "json");

        Assert.Equal(0, rollback.ExitCode);
        Assert.Contains("mapper-baseline@1.0.0 as revision 3 (rollback)", rollback.Out, StringComparison.Ordinal);
        using var view = JsonDocument.Parse(list.Out);
        var history = view.RootElement.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], history.Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Equal(["1.0.0", "1.0.1", "1.0.0"], history.Select(r => r.GetProperty("version").GetString()));
        Assert.Equal(["activate", "activate", "rollback"], history.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal("regression", history[2].GetProperty("reason").GetString());
        Assert.Equal(3, view.RootElement.GetProperty("revision").GetInt32());
        using var versions = JsonDocument.Parse((await workspace.RunAsync("versions", "show", "--format", "json")).Out);
        Assert.Equal("mapper-baseline@1.0.0", versions.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Activate_CorruptModelFile_ExitsOneWithTheGatesReasonAndActivatesNothing()
    {
        using var workspace = await CliWorkspace.WithTrainedAdaptersAsync();
        var model = Path.Combine(workspace.AdapterFolder("1.0.1"), "model.onnx");
        var bytes = await File.ReadAllBytesAsync(model, TestContext.Current.CancellationToken);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(model, bytes, TestContext.Current.CancellationToken);

        var run = await workspace.RunAsync("adapters", "activate", "--version", "1.0.1");
        var list = await workspace.RunAsync("adapters", "list");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused (HashMismatch)", run.Err, StringComparison.Ordinal);
        Assert.Contains("Active: none", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivateAndRollback_UnknownVersionOrNothingActive_ExitTwoOrOne()
    {
        using var workspace = await CliWorkspace.WithTrainedAdaptersAsync();

        var unknown = await workspace.RunAsync("adapters", "activate", "--version", "9.9.9");
        var nothingActive = await workspace.RunAsync("adapters", "rollback", "--to", "1.0.0");
        await workspace.RunAsync("adapters", "activate", "--version", "1.0.1");
        var neverActive = await workspace.RunAsync("adapters", "rollback", "--to", "1.0.0");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no adapter mapper-baseline@9.9.9", unknown.Err, StringComparison.Ordinal);
        Assert.Equal(1, nothingActive.ExitCode);
        Assert.Contains("nothing to roll back", nothingActive.Err, StringComparison.Ordinal);
        Assert.Equal(2, neverActive.ExitCode);
        Assert.Contains("was never active", neverActive.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TrainedAdapterOnGoldenCases_PrintsEveryMetric()
    {
        using var workspace = await CliWorkspace.WithTrainedAdaptersAsync();

        var run = await workspace.RunAsync("adapters", "evaluate", "--adapter", workspace.AdapterFolder("1.0.0"),
            "--golden-cases", CliRun.Golden("heldout/presidio.json"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var view = JsonDocument.Parse(run.Out);
        var root = view.RootElement;
        Assert.Equal("mapper-baseline@1.0.0", root.GetProperty("adapter").GetString());
        Assert.Equal(55, root.GetProperty("cases").GetInt32());
        Assert.True(root.GetProperty("novel_cases").GetInt32() > 0);
        Assert.Equal(100.0, root.GetProperty("rule_row_accuracy_percent").GetDouble());
        Assert.Equal(0.6, root.GetProperty("threshold").GetDouble());
        foreach (var field in new[] { "label_accuracy_percent", "novel_accuracy_percent", "expected_calibration_error", "accuracy_at_threshold_percent", "coverage_percent" })
        {
            Assert.Equal(JsonValueKind.Number, root.GetProperty(field).ValueKind);
        }
    }

    [Fact]
    public async Task Evaluate_CorruptOrMissingAdapter_ExitsOneOrTwo()
    {
        using var workspace = await CliWorkspace.WithTrainedAdaptersAsync();
        var folder = workspace.AdapterFolder("1.0.0");
        await File.WriteAllBytesAsync(Path.Combine(folder, "model.onnx"), [1, 2, 3], TestContext.Current.CancellationToken);

        var corrupt = await workspace.RunAsync("adapters", "evaluate", "--adapter", folder, "--golden-cases", CliRun.Golden("heldout/presidio.json"));
        var missing = await workspace.RunAsync("adapters", "evaluate", "--adapter", Path.Combine(workspace.Directory, "nope"), "--golden-cases", CliRun.Golden("heldout"));

        Assert.Equal(1, corrupt.ExitCode);
        Assert.Contains("does not match the manifest's sha256", corrupt.Err, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("is not an adapter folder", missing.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("adapters", "train", "--epochs", "zero")]
    [InlineData("adapters", "train", "--out", "x", "--activate")]
    [InlineData("adapters", "train", "--version", "1.0")]
    [InlineData("adapters", "list", "--format", "xml")]
    [InlineData("adapters", "evaluate", "--adapter", "x")]
    [InlineData("adapters", "activate")]
    [InlineData("adapters", "rollback", "--to", "latest")]
    [InlineData("bench", "engine", "--iterations", "0")]
    public async Task Run_BadCommandLine_ExitsTwoWithUsage(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: mapper " + args[0], run.Err, StringComparison.Ordinal);
    }
}
