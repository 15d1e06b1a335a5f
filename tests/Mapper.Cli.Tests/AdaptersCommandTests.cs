using System.Text.Json;

namespace Mapper.Cli.Tests;

public sealed class AdaptersCommandTests
{
    [Fact]
    public async Task Train_NewVersion_StoresTheFolderWithItsMetrics()
    {
        using var workspace = new CliWorkspace();

        var train = await workspace.RunAsync("adapters", "train", "--epochs", "2", "--version", "2.0.0");

        Assert.Equal(0, train.ExitCode);
        Assert.Contains("trained mapper-baseline@2.0.0", train.Out, StringComparison.Ordinal);
        Assert.Matches(@"dropped by the leak guard [1-9]\d*", train.Out);
        Assert.True(File.Exists(Path.Combine(workspace.AdapterFolder("2.0.0"), "model.onnx")));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(workspace.AdapterFolder("2.0.0"), "manifest.json"), TestContext.Current.CancellationToken));
        Assert.Equal("2.0.0", manifest.RootElement.GetProperty("version").GetString());
        Assert.Equal(2, manifest.RootElement.GetProperty("hyperParameters").GetProperty("epochs").GetInt32());
        Assert.True(manifest.RootElement.GetProperty("droppedByLeakGuard").GetInt32() > 0);
        Assert.False(File.Exists(Path.Combine(workspace.Store, "registry.json")), "training activates nothing: only the console writes the registry export");
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
    [InlineData("adapters", "train", "--version", "1.0")]
    [InlineData("adapters", "evaluate", "--adapter", "x")]
    [InlineData("bench", "engine", "--iterations", "0")]
    public async Task Run_BadCommandLine_ExitsTwoWithUsage(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: mapper " + args[0], run.Err, StringComparison.Ordinal);
    }
}
