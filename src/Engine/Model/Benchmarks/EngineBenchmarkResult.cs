using Mapper.Engine.Model.Training;

namespace Mapper.Engine.Model.Benchmarks;

/// <summary>How long and how hard <see cref="EngineBenchmark"/> runs. The defaults are the reported benchmark.</summary>
public sealed record EngineBenchmarkSettings
{
    /// <summary>Timed single-item calls per latency series (after a warm-up of up to 1000 calls).</summary>
    public int SingleCalls { get; init; } = 10_000;

    public int BatchSize { get; init; } = 256;

    /// <summary>Callers sending single-item requests at once through the micro-batcher (its concurrent series).</summary>
    public int ConcurrentCallers { get; init; } = 16;

    public TimeSpan ThroughputDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The adapter to measure is trained with these (the bundled baseline's by default).</summary>
    public TrainingOptions Training { get; init; } = new();
}

/// <summary>What <c>mapper bench engine</c> prints. Latencies in microseconds; the breakdown is per batched item.</summary>
public sealed record EngineBenchmarkResult(
    string Adapter,
    double TrainingSeconds,
    long AdapterFileBytes,
    double SessionLoadMilliseconds,
    double SwapMilliseconds,
    int SingleItemCalls,
    LatencySummary Direct,
    LatencySummary ThroughMicroBatcher,
    LatencySummary RuleMapper,
    LatencySummary RuleMapperTokenTier,
    IReadOnlyList<TierCount> RuleMapperInputsByTier,
    ConcurrentBatcherSummary ConcurrentBatcher,
    PipelineSummary Pipeline,
    int BatchSize,
    double BatchedItemsPerSecond,
    BatchBreakdown Breakdown,
    long WorkingSetBytes,
    long ManagedHeapBytes,
    int ProcessorCount,
    string LoadAverage);

public sealed record LatencySummary(double P50Microseconds, double P95Microseconds, double P99Microseconds, double MeanMicroseconds)
{
    /// <summary>The percentiles of <paramref name="samples"/> (µs); sorts the array in place.</summary>
    public static LatencySummary Of(double[] samples)
    {
        Array.Sort(samples);
        return new LatencySummary(Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99), samples.Average());
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}

/// <summary>Mean microseconds per item in each phase of a batched prediction, and the ONNX runs per batch.</summary>
public sealed record BatchBreakdown(
    double FeaturizeMicroseconds,
    double TensorMicroseconds,
    double OnnxRunMicroseconds,
    double DecodeMicroseconds,
    double RunsPerBatch);

/// <summary>How many of the benchmark's inputs the rule mapper answers at a tier.</summary>
public sealed record TierCount(string Tier, int Inputs);

/// <summary>Many closed-loop callers through the micro-batcher: items/s, mean items per model run, per-call latency.</summary>
public sealed record ConcurrentBatcherSummary(int Callers, double ItemsPerSecond, double MeanBatchSize, LatencySummary Latency);
