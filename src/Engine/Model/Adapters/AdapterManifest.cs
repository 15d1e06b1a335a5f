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

/// <summary>Calibration metrics are measured on the held-out synthetic slice, never on evaluation strings.</summary>
public sealed record AdapterMetrics(
    int CalibrationCases,
    double CalibrationAccuracy,
    double ExpectedCalibrationError,
    double Threshold,
    double AccuracyAtThreshold,
    double Coverage,
    double RuleRowAccuracy,
    double TrainingSeconds);
