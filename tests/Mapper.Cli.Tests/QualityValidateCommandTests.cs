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
    public async Task Run_HybridWhenTheGateRefusesTheBaseline_AnswersFromRulesAndFailsTheSchemaGate()
    {
        // Zero epochs: an untrained baseline that cannot pass the rule-row smoke set, so nothing serves.
        using var workspace = new CliWorkspace(CliWorkspace.SmallTraining.Replace("\"Epochs\": 6", "\"Epochs\": 0", StringComparison.Ordinal));

        var run = await workspace.RunAsync("quality", "validate", "--golden-cases", CliRun.Golden("rules/presidio.json"), "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("model path unavailable", run.Err, StringComparison.Ordinal);
        Assert.Contains("SmokeFailed", run.Err, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(run.Out);
        Assert.Equal("hybrid", report.RootElement.GetProperty("mode").GetString());
        Assert.Equal(30, report.RootElement.GetProperty("fallback_reasons").GetProperty("no_model").GetInt32());
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("calibration").ValueKind);
        var schema = report.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "schema_valid_percent");
        Assert.Equal("fail", schema.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Run_HybridWithAStoredAdapter_ConfidentCasesRouteToTheModelAndCalibrationIsReported()
    {
        using var workspace = await CliWorkspace.WithTrainedAdaptersAsync();
        using var golden = CliRun.Write("small.json", """
            {"version": "1.0", "test_cases": [
              {"detector": "presidio", "input_output": "EMAIL_ADDRESS", "expected_taxonomy": ["PII.Contact.Email"]},
              {"detector": "presidio", "input_output": "PHONE_NUMBER", "expected_taxonomy": ["PII.Contact.Phone"]},
              {"detector": "openai-moderation", "input_output": "hate", "expected_taxonomy": ["HARM.SPEECH.Hate.Other"]},
              {"detector": "openai-moderation", "input_output": "self-harm", "expected_taxonomy": ["HARM.VIOLENCE.SelfHarm"]}]}
            """);

        var run = await workspace.RunAsync("quality", "validate", "--golden-cases", golden.Path, "--format", "json");
        var text = await workspace.RunAsync("quality", "validate", "--golden-cases", golden.Path);

        Assert.Equal("", run.Err);
        using var report = JsonDocument.Parse(run.Out);
        var root = report.RootElement;
        Assert.Equal(4, root.GetProperty("model_outputs").GetInt32());
        Assert.Equal(0.0, root.GetProperty("fallback_percent").GetDouble());
        Assert.Equal(100.0, root.GetProperty("label_accuracy_percent").GetDouble());
        var calibration = root.GetProperty("calibration");
        Assert.Equal(4, calibration.GetProperty("cases").GetInt32());
        Assert.Equal(10, calibration.GetProperty("bins").GetInt32());
        Assert.Equal(0.6, calibration.GetProperty("threshold").GetDouble());
        Assert.Equal(100.0, calibration.GetProperty("accuracy_at_threshold_percent").GetDouble());
        Assert.Equal(100.0, calibration.GetProperty("coverage_percent").GetDouble());
        Assert.Contains("calibration       ECE", text.Out, StringComparison.Ordinal);
        Assert.Contains("accuracy at 0.60, coverage 100.0 %", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HybridOnAnEmptyStore_TrainsTheBaselineOnceAndSaysSoOnStderr()
    {
        using var workspace = new CliWorkspace();

        var first = await workspace.RunAsync("quality", "validate", "--golden-cases", CliRun.Golden("rules/presidio.json"));
        var second = await workspace.RunAsync("quality", "validate", "--golden-cases", CliRun.Golden("rules/presidio.json"));

        Assert.Contains("trained the bundled baseline mapper-baseline@1.0.0", first.Err, StringComparison.Ordinal);
        Assert.Contains("dropped by the leak guard", first.Err, StringComparison.Ordinal);
        Assert.Equal("", second.Err);
        Assert.Contains("schema-valid       100.0 %", second.Out, StringComparison.Ordinal);
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
