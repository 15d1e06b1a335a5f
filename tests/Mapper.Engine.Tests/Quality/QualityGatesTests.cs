using Mapper.Engine.Controls;
using Mapper.Engine.Quality;

namespace Mapper.Engine.Tests.Quality;

public sealed class QualityGatesTests
{
    [Theory]
    [InlineData(QualityEnvironment.Development, 80, 70, 500, 250, 20, 10, 50)]
    [InlineData(QualityEnvironment.Staging, 90, 80, 350, 180, 15, 50, 70)]
    [InlineData(QualityEnvironment.Production, 95, 90, 250, 120, 10, 100, 80)]
    public void For_Environment_HasTheContractThresholds(
        QualityEnvironment environment, double schema, double f1, double cpu, double gpu, double fallback, int cases, double coverage)
    {
        Assert.Equal(new GateThresholds(schema, f1, cpu, gpu, fallback, cases, coverage), QualityGates.For(environment));
    }

    [Fact]
    public void Evaluate_RulesOnlyWithoutModelOutputs_SchemaIsNoDataAndFallbackNotApplicable()
    {
        var gates = QualityGates.Evaluate(Measured(schemaValid: null, fallback: 100), QualityEnvironment.Production, "cpu", MappingMode.RulesOnly);

        Assert.Equal(GateStatus.NoData, Gate(gates, "schema_valid_percent").Status);
        Assert.Equal(GateStatus.NotApplicable, Gate(gates, "fallback_percent").Status);
        Assert.DoesNotContain(gates, g => g.Status == GateStatus.Fail);
    }

    [Fact]
    public void Evaluate_HybridWithoutModelOutputs_FailsSchemaAndFallback()
    {
        var gates = QualityGates.Evaluate(Measured(schemaValid: null, fallback: 100), QualityEnvironment.Development, "cpu", MappingMode.Hybrid);

        Assert.Equal(GateStatus.Fail, Gate(gates, "schema_valid_percent").Status);
        Assert.Equal(GateStatus.Fail, Gate(gates, "fallback_percent").Status);
    }

    [Theory]
    [InlineData(QualityEnvironment.Staging, 94.9, 80.0, GateStatus.Pass)]
    [InlineData(QualityEnvironment.Staging, 79.9, 80.0, GateStatus.Fail)]
    [InlineData(QualityEnvironment.Production, 90.0, 90.0, GateStatus.Pass)]
    public void Evaluate_F1AgainstThreshold_PassesAtOrAbove(QualityEnvironment environment, double f1, double threshold, GateStatus expected)
    {
        var gate = Gate(QualityGates.Evaluate(Measured(f1: f1), environment, "cpu", MappingMode.Hybrid), "taxonomy_f1_percent");

        Assert.Equal(expected, gate.Status);
        Assert.Equal(threshold, gate.Threshold);
    }

    [Theory]
    [InlineData("cpu", 200, "p95_latency_cpu_ms", GateStatus.Pass)]
    [InlineData("gpu", 200, "p95_latency_gpu_ms", GateStatus.Fail)]
    public void Evaluate_Latency_UsesTheProfilesThreshold(string profile, double p95, string name, GateStatus expected)
    {
        var gate = Gate(QualityGates.Evaluate(Measured(p95: p95), QualityEnvironment.Production, profile, MappingMode.Hybrid), name);

        Assert.Equal(expected, gate.Status);
    }

    [Fact]
    public void Evaluate_TooFewCasesForOneDetector_FailsNamingIt()
    {
        var gate = Gate(QualityGates.Evaluate(Measured(minCases: 60), QualityEnvironment.Production, "cpu", MappingMode.Hybrid), "golden_cases_per_detector");

        Assert.Equal(GateStatus.Fail, gate.Status);
        Assert.Contains("presidio", gate.Note, StringComparison.Ordinal);
    }

    private static GateResult Gate(IReadOnlyList<GateResult> gates, string name) => Assert.Single(gates, g => g.Name == name);

    private static QualityMeasurements Measured(
        double? schemaValid = 99, double f1 = 95, double p95 = 10, double fallback = 5, int minCases = 120) =>
        new(schemaValid, f1, p95, fallback, minCases, "presidio", 90);
}
