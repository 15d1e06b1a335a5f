using System.Text.Json;

namespace Mapper.Cli.Tests;

public sealed class QualityValidateCommandTests
{
    [Fact]
    public async Task Run_AllBundledGoldenSetsRulesOnlyDevelopment_PassesWithExitZero()
    {
        var run = await CliRun.RunAsync("quality", "validate", "--golden-cases", CliRun.Golden(""), "--mode", "rules_only");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Result: PASS", run.Out, StringComparison.Ordinal);
        Assert.Contains("NO DATA", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Err);
    }

    [Fact]
    public async Task Run_HybridWithoutAModel_FailsTheSchemaGateWithExitOne()
    {
        var run = await CliRun.RunAsync("quality", "validate", "--golden-cases", CliRun.Golden("rules"), "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var report = JsonDocument.Parse(run.Out);
        Assert.Equal("hybrid", report.RootElement.GetProperty("mode").GetString());
        Assert.True(report.RootElement.GetProperty("fallback_reasons").GetProperty("no_model").GetInt32() > 0);
        var schema = report.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "schema_valid_percent");
        Assert.Equal("fail", schema.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Run_ProductionOnTheTuningSetAlone_FailsCasesPerDetector()
    {
        var run = await CliRun.RunAsync("quality", "validate", "--golden-cases", CliRun.Golden("variants"),
            "--mode", "rules_only", "--environment", "production");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"FAIL\s+golden_cases_per_detector", run.Out);
    }

    [Fact]
    public async Task Run_JsonFormat_WritesOneParseableObject()
    {
        var run = await CliRun.RunAsync("quality", "validate", "--golden-cases", CliRun.Golden("rules/presidio.json"),
            "--mode", "rules_only", "--format", "json");

        using var report = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Object, report.RootElement.ValueKind);
        Assert.Equal(30, report.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(100.0, report.RootElement.GetProperty("label_accuracy_percent").GetDouble());
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("schema_valid_percent").ValueKind);
    }

    [Fact]
    public async Task Run_MalformedCase_ExitsTwoNamingCaseAndField()
    {
        using var file = CliRun.Write("bad.json", """
            {"version": "1.0", "test_cases": [
              {"detector": "presidio", "input_output": "PERSON", "expected_taxonomy": ["PII.Person.Name"]},
              {"detector": "presidio", "input_output": "URL", "expected_taxonomy": []}]}
            """);

        var run = await CliRun.RunAsync("quality", "validate", "--golden-cases", file.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.json: test_cases[1].expected_taxonomy: must be a non-empty array of labels", run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("quality", "validate", "--golden-cases", "x", "--colour", "red")]
    [InlineData("quality", "validate", "--golden-cases", "x", "--mode", "model_only")]
    [InlineData("quality", "validate")]
    [InlineData("quality", "explode")]
    [InlineData("frobnicate")]
    public async Task Run_BadCommandLine_PrintsUsageOnStderrAndExitsTwo(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: mapper", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingGoldenPath_ExitsTwo()
    {
        var run = await CliRun.RunAsync("quality", "validate", "--golden-cases", Path.Combine(Path.GetTempPath(), "no-such-golden-dir"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is neither a file nor a directory", run.Err, StringComparison.Ordinal);
    }
}
