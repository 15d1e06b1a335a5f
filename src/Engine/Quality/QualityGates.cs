using Mapper.Engine.Controls;

namespace Mapper.Engine.Quality;

public enum QualityEnvironment
{
    Development,
    Staging,
    Production,
}

public enum GateStatus
{
    Pass,
    Fail,

    /// <summary>Nothing to measure (schema-valid % without model outputs in rules_only mode): not a failure.</summary>
    NoData,

    /// <summary>The gate does not apply to the mode (fallback % in rules_only mode is 100 by design).</summary>
    NotApplicable,
}

/// <summary>One quality gate's verdict. <see cref="Bound"/> is <c>min</c> (actual ≥ threshold) or <c>max</c> (actual ≤ threshold).</summary>
public sealed record GateResult(string Name, GateStatus Status, double? Actual, double Threshold, string Bound, string? Note = null);

/// <summary>The thresholds of contract §8 for one environment.</summary>
public sealed record GateThresholds(
    double SchemaValidPercent,
    double TaxonomyF1Percent,
    double P95CpuMs,
    double P95GpuMs,
    double FallbackPercent,
    int GoldenCasesPerDetector,
    double TaxonomyCoveragePercent);

/// <summary>
/// The quality gates of contract §8, exactly as specified per environment. Two deliberate choices:
/// <list type="bullet">
/// <item>Schema-valid % with no model outputs is <see cref="GateStatus.NoData"/> in rules_only mode (there
/// is no model output to validate, and reading it as 0 % would fail every rules-only run, the same defect the
/// contract fixes for the gauge). In hybrid mode no model output means the model never answered, which fails.</item>
/// <item>Fallback % in rules_only mode is 100 % by construction (every answer is a kill_switch fallback), so the
/// gate is <see cref="GateStatus.NotApplicable"/> there rather than failing.</item>
/// </list>
/// The taxonomy F1 gate uses the micro F1 over labels (see <see cref="LabelCounts"/>).
/// </summary>
public static class QualityGates
{
    public static GateThresholds For(QualityEnvironment environment) => environment switch
    {
        QualityEnvironment.Development => new(80, 70, 500, 250, 20, 10, 50),
        QualityEnvironment.Staging => new(90, 80, 350, 180, 15, 50, 70),
        QualityEnvironment.Production => new(95, 90, 250, 120, 10, 100, 80),
        _ => throw new ArgumentOutOfRangeException(nameof(environment)),
    };

    public static bool TryParseEnvironment(string value, out QualityEnvironment environment)
    {
        (var ok, environment) = value.Trim().ToLowerInvariant() switch
        {
            "development" or "dev" => (true, QualityEnvironment.Development),
            "staging" or "stage" => (true, QualityEnvironment.Staging),
            "production" or "prod" => (true, QualityEnvironment.Production),
            _ => (false, QualityEnvironment.Development),
        };
        return ok;
    }

    public static string Name(QualityEnvironment environment) => environment.ToString().ToLowerInvariant();

    /// <summary>Judges measured numbers against the environment's thresholds; <paramref name="profile"/> is <c>cpu</c> or <c>gpu</c>.</summary>
    public static IReadOnlyList<GateResult> Evaluate(QualityMeasurements measured, QualityEnvironment environment, string profile, MappingMode mode)
    {
        var t = For(environment);
        var gpu = string.Equals(profile, "gpu", StringComparison.OrdinalIgnoreCase);
        var rulesOnly = mode == MappingMode.RulesOnly;
        return
        [
            measured.SchemaValidPercent is { } valid
                ? AtLeast("schema_valid_percent", valid, t.SchemaValidPercent)
                : new GateResult("schema_valid_percent", rulesOnly ? GateStatus.NoData : GateStatus.Fail, null, t.SchemaValidPercent, "min",
                    rulesOnly ? "no model outputs in rules_only mode" : "no model outputs: the model never answered"),
            AtLeast("taxonomy_f1_percent", measured.MicroF1Percent, t.TaxonomyF1Percent),
            AtMost(gpu ? "p95_latency_gpu_ms" : "p95_latency_cpu_ms", measured.P95Ms, gpu ? t.P95GpuMs : t.P95CpuMs),
            rulesOnly
                ? new GateResult("fallback_percent", GateStatus.NotApplicable, measured.FallbackPercent, t.FallbackPercent, "max",
                    "rules_only answers every case from the rules by design")
                : AtMost("fallback_percent", measured.FallbackPercent, t.FallbackPercent),
            AtLeast("golden_cases_per_detector", measured.MinCasesPerDetector, t.GoldenCasesPerDetector,
                measured.SmallestDetector is null ? null : $"smallest: {measured.SmallestDetector}"),
            AtLeast("taxonomy_coverage_percent", measured.TaxonomyCoveragePercent, t.TaxonomyCoveragePercent),
        ];
    }

    private static GateResult AtLeast(string name, double actual, double threshold, string? note = null) =>
        new(name, actual >= threshold ? GateStatus.Pass : GateStatus.Fail, actual, threshold, "min", note);

    private static GateResult AtMost(string name, double actual, double threshold) =>
        new(name, actual <= threshold ? GateStatus.Pass : GateStatus.Fail, actual, threshold, "max");
}

/// <summary>The numbers the gates judge, separated from the report so the gates can be tested on their own.</summary>
public sealed record QualityMeasurements(
    double? SchemaValidPercent,
    double MicroF1Percent,
    double P95Ms,
    double FallbackPercent,
    int MinCasesPerDetector,
    string? SmallestDetector,
    double TaxonomyCoveragePercent);
