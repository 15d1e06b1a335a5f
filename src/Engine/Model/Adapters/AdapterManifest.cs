namespace Mapper.Engine.Model.Adapters;

/// <summary>Everything needed to trust, reproduce and compare an adapter; stored as manifest.json beside model.onnx.</summary>
public sealed record AdapterManifest
{
    public required string Id { get; init; }

    /// <summary>Semantic version, MAJOR.MINOR.PATCH.</summary>
    public required string Version { get; init; }

    public string? ParentVersion { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string FeaturizerId { get; init; }

    public required string TaxonomyVersion { get; init; }

    public required string TaxonomyHash { get; init; }

    public required string TrainingDataHash { get; init; }

    public int TrainingRows { get; init; }

    /// <summary>Rows the leak guard removed because they equalled an evaluation string.</summary>
    public int DroppedByLeakGuard { get; init; }

    /// <summary>Filled in by <see cref="AdapterStore.Write"/> from the bytes it writes.</summary>
    public string ModelSha256 { get; init; } = string.Empty;

    public long ModelSizeBytes { get; init; }

    public required AdapterHyperParameters HyperParameters { get; init; }

    public ulong Seed { get; init; }

    public float Temperature { get; init; }

    public required AdapterMetrics Metrics { get; init; }

    /// <summary><c>id@version</c>, the name responses report.</summary>
    public string Name => Id + "@" + Version;
}

public sealed record AdapterHyperParameters(int Buckets, int Dim, int Epochs, int BatchSize, float LearningRate);

/// <summary>
/// Calibration metrics of the calibrated model, measured on <see cref="CalibrationSlice"/>: held-out training-side rows
/// (unseen lexicon phrases and synthetic spellings), never evaluation strings, and disjoint from the slice the temperature
/// was fitted on (<see cref="TemperatureFitSlice"/>), so the ECE is not the fit's own objective read back.
/// </summary>
public sealed record AdapterMetrics(
    int CalibrationCases,
    double CalibrationAccuracy,
    double ExpectedCalibrationError,
    double Threshold,
    double AccuracyAtThreshold,
    double Coverage,
    double RuleRowAccuracy,
    double TrainingSeconds)
{
    /// <summary>The measure half of the held-out calibration slice.</summary>
    public const string MeasureSlice = "calibration-measure";

    /// <summary>The fit half of the held-out calibration slice.</summary>
    public const string FitSlice = "calibration-fit";

    /// <summary>Where the calibration numbers come from; null in adapters built before the split (fitted and measured on one slice).</summary>
    public string? CalibrationSlice { get; init; }

    /// <summary>Where the temperature was fitted; null in adapters built before the split.</summary>
    public string? TemperatureFitSlice { get; init; }

    /// <summary>Rows of <see cref="TemperatureFitSlice"/>.</summary>
    public int TemperatureFitCases { get; init; }
}
