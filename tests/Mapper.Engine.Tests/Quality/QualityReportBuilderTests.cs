using Mapper.Engine.Controls;
using Mapper.Engine.Quality;

namespace Mapper.Engine.Tests.Quality;

public sealed class QualityReportBuilderTests
{
    [Fact]
    public void Build_TinyHandMadeSet_ComputesAccuracyPassRateAndMicroF1()
    {
        // a: exact hit. b: right label, confidence too low. c: one of two labels. d: wrong label.
        var results = new[]
        {
            Result("d1", ["A.X"], ["A.X"], 0.9, min: 0.6),
            Result("d1", ["A.X"], ["A.X"], 0.5, min: 0.6),
            Result("d2", ["A.X", "B.Y"], ["A.X"], 0.9, min: 0.6),
            Result("d2", ["B.Y"], ["C.Z"], 0.9, min: 0.6),
        };

        var report = QualityReportBuilder.Build(results, files: 1, taxonomySize: 10, MappingMode.RulesOnly, QualityEnvironment.Development, "cpu");

        Assert.Equal(50.0, report.LabelAccuracyPercent);
        Assert.Equal(25.0, report.PassRatePercent);
        // TP 3 (A, A, A), FP 1 (C), FN 2 (B, B): P = 3/4, R = 3/5, F1 = 2PR/(P+R) = 2/3.
        Assert.Equal(200.0 / 3, report.MicroF1Percent, 6);
        var d2 = Assert.Single(report.Detectors, d => d.Detector == "d2");
        Assert.Equal((1, 1, 2), (d2.TruePositives, d2.FalsePositives, d2.FalseNegatives));
        Assert.Equal(40.0, d2.F1Percent, 6);
        // Covered: A.X only (B.Y was expected but never predicted for that case) → 1 of 10.
        Assert.Equal(10.0, report.TaxonomyCoveragePercent);
        Assert.Equal(3, report.Failures.Count);
    }

    [Fact]
    public void Build_MacroF1_IsTheMeanOfPerLabelF1()
    {
        var results = new[] { Result("d", ["A.X"], ["A.X"], 1, 0), Result("d", ["B.Y"], ["A.X"], 1, 0) };

        var report = QualityReportBuilder.Build(results, 1, 10, MappingMode.RulesOnly, QualityEnvironment.Development, "cpu");

        // A.X: TP 1, FN 1 → F1 2/3. B.Y: FP 1 → F1 0. Mean 1/3.
        Assert.Equal(100.0 / 3, report.MacroF1Percent, 6);
    }

    [Fact]
    public void Build_FallbacksSchemaAndLatency_AreCountedOncePerCase()
    {
        var results = new[]
        {
            Result("d", ["A.X"], ["A.X"], 1, 0, reason: "low_confidence", valid: true, ms: 1),
            Result("d", ["A.X"], ["A.X"], 1, 0, reason: "schema_invalid", valid: false, ms: 2),
            Result("d", ["A.X"], ["A.X"], 1, 0, valid: true, ms: 3),
            Result("d", ["A.X"], ["A.X"], 1, 0, reason: "model_timeout", ms: 100),
        };

        var report = QualityReportBuilder.Build(results, 1, 10, MappingMode.Hybrid, QualityEnvironment.Development, "cpu");

        Assert.Equal(75.0, report.FallbackPercent);
        Assert.Equal(1, report.FallbackReasons["schema_invalid"]);
        Assert.Equal(3, report.ModelOutputs);
        Assert.Equal(200.0 / 3, report.SchemaValidPercent!.Value, 6);
        Assert.Equal(2, report.P50Ms);
        Assert.Equal(100, report.P95Ms);
    }

    [Fact]
    public void Build_NoModelOutputs_SchemaValidIsNullNotZero()
    {
        var report = QualityReportBuilder.Build([Result("d", ["A.X"], ["A.X"], 1, 0, reason: "kill_switch")], 1, 10,
            MappingMode.RulesOnly, QualityEnvironment.Production, "cpu");

        Assert.Null(report.SchemaValidPercent);
        Assert.Equal(GateStatus.NoData, report.Gates.Single(g => g.Name == "schema_valid_percent").Status);
    }

    [Fact]
    public void IsNovel_ComparesEveryPipePartWithTheCompactedRuleKeys()
    {
        var keys = new HashSet<string>(["hate_speech", "toxic"]);

        Assert.False(QualityRunner.IsNovel("Hate-Speech", keys));
        Assert.False(QualityRunner.IsNovel("HateSpeech|TOXIC", keys));
        Assert.True(QualityRunner.IsNovel("toxic|slur", keys));
    }

    private static CaseResult Result(
        string detector, string[] expected, string[] predicted, double confidence, double min,
        string? reason = null, bool? valid = null, double ms = 1) =>
        new("f.json", 0, new GoldenCase(detector, "x", expected, min, null, null), detector, predicted, confidence,
            Novel: false, reason, valid, ms);
}
