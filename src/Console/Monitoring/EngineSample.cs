using Mapper.Engine.Controls;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Monitoring;

/// <summary>
/// One reading of the engine, taken by the one sampler and shared by every page, the history and the alerts:
/// the SLIs of the window, the targets, the controls in force, the model path, each detector's decisions, the
/// confidence histogram, and the process. Engine and console types only; no API shapes.
/// </summary>
public sealed record EngineSample(
    long Sequence,
    DateTimeOffset At,
    SliSnapshot Slis,
    SloTargets Targets,
    RuntimeControls Controls,
    ModelSample Model,
    IReadOnlyList<DetectorDecisions> Detectors,
    long[] Confidence,
    IReadOnlyList<LatencyBin> Latency,
    ProcessSample Process,
    string HealthStatus,
    string HealthMessage)
{
    /// <summary>Buckets of the confidence histogram: 0.0–0.1, ..., 0.9–1.0, over the window's valid model answers.</summary>
    public const int ConfidenceBuckets = 10;
}

/// <summary>The model path as the sampler saw it.</summary>
public sealed record ModelSample(string State, string? Active, int? Revision, string? LastError, int QueueLength, double QueueLagSeconds, IReadOnlyList<string> RefusedAtStart)
{
    /// <summary>Hybrid requests since start answered from the active adapter's cache (they never queue), and those sent to the model.</summary>
    public (long Hits, long Misses) CacheLookups { get; init; }
}

/// <summary>One bar of the latency histogram: decisions that took at most <see cref="UpToSeconds"/>.</summary>
public sealed record LatencyBin(double UpToSeconds, long Count);

/// <summary>The console process: CPU over the last period, memory, garbage collections, thread pool.</summary>
public sealed record ProcessSample(double CpuPercent, long WorkingSetBytes, long GcHeapBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections, long ThreadPoolQueue, int ThreadPoolThreads, TimeSpan Uptime);
