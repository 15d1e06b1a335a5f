using System.Text.Json;

namespace Mapper.Cli.Tests;

public sealed class ConfigAndVersionsCommandTests
{
    [Fact]
    public async Task ValidateConfig_ValidFile_PrintsOkAndTheDataSummary()
    {
        using var config = CliRun.Write("appsettings.json", """{"Mapper": {"Mode": "rules_only", "ConfidenceThreshold": 0.7}}""");

        var run = await CliRun.RunAsync("validate-config", "--config", config.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("OK:", run.Out, StringComparison.Ordinal);
        Assert.Contains("mode rules_only", run.Out, StringComparison.Ordinal);
        Assert.Contains("12 detectors, 256 rules", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateConfig_BadValues_ExitsOneNamingEverySetting()
    {
        using var config = CliRun.Write("appsettings.json",
            """{"Mapper": {"ConfidenceThreshold": 2, "ModelTimeBudgetMs": "soon", "Profile": "tpu"}}""");

        var run = await CliRun.RunAsync("validate-config", "--config", config.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Mapper:ConfidenceThreshold must be within [0, 1]", run.Out, StringComparison.Ordinal);
        Assert.Contains("Mapper:ModelTimeBudgetMs must be a whole number", run.Out, StringComparison.Ordinal);
        Assert.Contains("Mapper:Profile must be 'cpu' or 'gpu'", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateConfig_BadModelSettings_ExitsOneNamingThem()
    {
        using var config = CliRun.Write("appsettings.json", """{"Model": {"AdapterId": "Bad Id", "SmokePassBar": 2}}""");

        var run = await CliRun.RunAsync("validate-config", "--config", config.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Model:AdapterId must be lower-case letters", run.Out, StringComparison.Ordinal);
        Assert.Contains("Model:SmokePassBar must be within [0, 1]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateConfig_MissingExplicitFile_ExitsOne()
    {
        var run = await CliRun.RunAsync("validate-config", "--config", Path.Combine(Path.GetTempPath(), "nope", "appsettings.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionsShow_Json_CarriesTaxonomyFrameworksModelAndEveryDetector()
    {
        var run = await CliRun.RunAsync("versions", "show", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var versions = JsonDocument.Parse(run.Out);
        var root = versions.RootElement;
        Assert.Equal("2025.09", root.GetProperty("taxonomy").GetString());
        Assert.StartsWith("sha256:", root.GetProperty("taxonomy_hash").GetString(), StringComparison.Ordinal);
        Assert.Equal("v1.0", root.GetProperty("frameworks").GetString());
        Assert.Equal("rules", root.GetProperty("model").GetString());
        Assert.Equal(256, root.GetProperty("rule_count").GetInt32());
        var detectors = root.GetProperty("detectors").EnumerateArray().ToList();
        Assert.Equal(12, detectors.Count);
        var deberta = detectors.Single(d => d.GetProperty("detector").GetString() == "deberta-toxicity");
        Assert.Equal("v2", deberta.GetProperty("version").GetString());
        Assert.Equal(20, deberta.GetProperty("rules").GetInt32());
    }
}
