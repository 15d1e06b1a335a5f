namespace Mapper.Engine.Quality;

/// <summary>
/// The result of a quality run. Percentages are 0 to 100. Definitions:
/// label accuracy = cases whose predicted label set equals the expected set; pass rate = label sets equal and
/// confidence ≥ expected_confidence_min (contract §8); F1 = over labels (<see cref="LabelCounts"/>), micro
/// (pooled over all cases) and macro (mean of per-label F1 over every label expected or predicted);
/// taxonomy coverage = distinct taxonomy labels that some case expected and the run predicted for that case,
/// divided by the taxonomy size; novel = cases with a pipe-part whose compacted form is no rule's raw label.
/// </summary>
public sealed record QualityReport
{
    public required string Mode { get; init; }

    public required string Environment { get; init; }

    public required string Profile { get; init; }

    public required int Files { get; init; }

    public required int Total { get; init; }

    public required double LabelAccuracyPercent { get; init; }

    public required double PassRatePercent { get; init; }

    public required double MicroF1Percent { get; init; }

    public required double MacroF1Percent { get; init; }

    /// <summary>Valid model outputs / model outputs; null when the model produced none.</summary>
    public required double? SchemaValidPercent { get; init; }

    public required int ModelOutputs { get; init; }

    public required double FallbackPercent { get; init; }

    public required IReadOnlyDictionary<string, int> FallbackReasons { get; init; }

    public required double P50Ms { get; init; }

    public required double P95Ms { get; init; }

    public required double TaxonomyCoveragePercent { get; init; }

    public required int LabelsCovered { get; init; }

    public required int TaxonomySize { get; init; }

    /// <summary>The model's own calibration on these cases; null when the model was not asked (rules_only, no adapter).</summary>
    public ModelCalibration? Calibration { get; init; }

    public required SplitQuality Novel { get; init; }

    public required SplitQuality Known { get; init; }

    public required IReadOnlyList<DetectorQuality> Detectors { get; init; }

    public required IReadOnlyList<GateResult> Gates { get; init; }

    /// <summary>True when no gate failed (no-data and not-applicable gates do not fail).</summary>
    public bool Passed => Gates.All(g => g.Status != GateStatus.Fail);

    public required IReadOnlyList<CaseFailure> Failures { get; init; }
}

/// <summary>
/// How well the model's confidence matches how often it is right, over the cases it answered: expected
/// calibration error over <see cref="Bins"/> equal-width bins, and accuracy and coverage at the operating
/// threshold (each case's own threshold; <see cref="Threshold"/> is null when detectors use different ones).
/// </summary>
public sealed record ModelCalibration(
    int Cases,
    double ModelAccuracyPercent,
    double ExpectedCalibrationError,
    int Bins,
    double? Threshold,
    double AccuracyAtThresholdPercent,
    double CoveragePercent);

/// <summary>The model's own answer to a case (also when the pipeline fell back), for calibration.</summary>
public sealed record ModelVerdict(IReadOnlyList<string> Labels, double Confidence, bool Correct, double Threshold);

public sealed record SplitQuality(int Cases, double LabelAccuracyPercent, double PassRatePercent);

public sealed record DetectorQuality(
    string Detector,
    int Cases,
    double LabelAccuracyPercent,
    double PassRatePercent,
    double PrecisionPercent,
    double RecallPercent,
    double F1Percent,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives);

/// <summary>A case that did not pass. Golden inputs are fixture data we wrote, not client output.</summary>
public sealed record CaseFailure(
    string File,
    int Index,
    string Detector,
    string InputOutput,
    IReadOnlyList<string> Expected,
    IReadOnlyList<string> Predicted,
    double Confidence,
    double ExpectedConfidenceMin,
    string? RuleTier);

/// <summary>One case's outcome, reduced to what the report needs.</summary>
public sealed record CaseResult(
    string File,
    int Index,
    GoldenCase Case,
    string Detector,
    IReadOnlyList<string> Predicted,
    double Confidence,
    bool Novel,
    string? FallbackReason,
    bool? ModelOutputValid,
    double DurationMs,
    string? RuleTier = null,
    ModelVerdict? Model = null)
{
    public bool LabelsEqual => Predicted.ToHashSet(StringComparer.Ordinal).SetEquals(Case.ExpectedTaxonomy);

    public bool Passed => LabelsEqual && Confidence >= Case.ExpectedConfidenceMin;
}
