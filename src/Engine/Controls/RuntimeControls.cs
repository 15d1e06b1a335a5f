using System.Collections.Immutable;

namespace Mapper.Engine.Controls;

/// <summary>
/// Everything an operator can change at run time, as one immutable value. A change builds a new
/// snapshot with a higher <see cref="Epoch"/>; readers take the current one without locking. The active
/// adapter is recorded here too, so one epoch names everything that was live.
/// </summary>
public sealed record RuntimeControls
{
    public const double MinThreshold = 0.0;
    public const double MaxThreshold = 1.0;

    public long Epoch { get; init; }

    public MappingMode Mode { get; init; } = MappingMode.Hybrid;

    /// <summary>The model's answer is used when its confidence is at least this (unless a detector override applies).</summary>
    public double GlobalThreshold { get; init; } = 0.6;

    /// <summary>Per-detector thresholds, keyed by canonical detector name.</summary>
    public ImmutableDictionary<string, double> DetectorThresholds { get; init; } =
        ImmutableDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>How long one request may wait for the model before it falls back to the rules.</summary>
    public TimeSpan ModelTimeBudget { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Most items the micro-batcher gathers into one model run.</summary>
    public int MaxBatchSize { get; init; } = 64;

    /// <summary>
    /// Optional wait for a batch formed from a backlog to fill (0: none). A lone request never waits: it runs at
    /// once when the model is idle, and requests arriving during a run form the next batch.
    /// </summary>
    public TimeSpan MaxBatchWait { get; init; } = TimeSpan.Zero;

    /// <summary><c>id@version</c> of the adapter the operators made active, or null before the first activation.</summary>
    public string? ActiveAdapter { get; init; }

    /// <summary>The activation that made <see cref="ActiveAdapter"/> live (1, 2, ...); 0 before the first.</summary>
    public int AdapterRevision { get; init; }

    public double ThresholdFor(string detector) =>
        DetectorThresholds.TryGetValue(detector, out var threshold) ? threshold : GlobalThreshold;
}
