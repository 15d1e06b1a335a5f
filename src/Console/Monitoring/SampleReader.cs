using System.Diagnostics;
using Mapper.Console.Actions;
using Mapper.Console.Api;
using Mapper.Engine;
using Mapper.Engine.Controls;
using Mapper.Engine.Model;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Monitoring;

/// <summary>Reads one <see cref="EngineSample"/> from the engine's own sources (the same ones <c>/metrics</c> reads).</summary>
public sealed class SampleReader(
    MapperTelemetry telemetry, RuntimeControlsStore controls, HealthProbe health, SloOptions slo, EngineOptions engine, TimeProvider time, IServiceProvider services)
{
    /// <summary>Upper bounds of the latency histogram's bars, in seconds (the last bar takes everything slower).</summary>
    public static readonly double[] LatencyBounds = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    private readonly OnnxModelScorer? _model = services.GetService<OnnxModelScorer>();
    private readonly ModelStartup? _startup = services.GetService<ModelStartup>();
    private readonly SloTargets _targets = SloTargets.From(slo, engine.Profile);
    private readonly Process _process = System.Diagnostics.Process.GetCurrentProcess();
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private long _sequence;
    private TimeSpan _lastCpu;
    private long _lastCpuAt;

    public EngineSample Read()
    {
        var at = time.GetUtcNow();
        var slis = telemetry.Snapshot();
        var window = telemetry.Decisions.Window(slis.Window);
        var report = health.Check();
        var model = _model?.Health;
        var latency = telemetry.Windows.LatencyHistogram(LatencyBounds);
        return new EngineSample(
            Interlocked.Increment(ref _sequence),
            at,
            slis,
            _targets,
            controls.Current,
            new ModelSample(report.Model.State, model?.ActiveModel, model?.Revision, model?.LastError, model?.QueueLength ?? 0, slis.QueueLagSeconds, _startup?.Refused ?? [])
            {
                CacheLookups = _model?.CacheLookups ?? (0, 0),
            },
            window.Detectors,
            Confidence(window),
            [.. latency.Select((count, i) => new LatencyBin(i < LatencyBounds.Length ? LatencyBounds[i] : double.PositiveInfinity, count))],
            ReadProcess(at),
            report.Status,
            report.Message);
    }

    private static long[] Confidence(DecisionWindow window)
    {
        var buckets = new long[EngineSample.ConfidenceBuckets];
        foreach (var detector in window.Detectors)
        {
            for (var bin = 0; bin < detector.Confidence.Length; bin++)
            {
                buckets[Math.Min(bin / 10, EngineSample.ConfidenceBuckets - 1)] += detector.Confidence[bin];
            }
        }

        return buckets;
    }

    private ProcessSample ReadProcess(DateTimeOffset at)
    {
        _process.Refresh();
        var cpu = _process.TotalProcessorTime;
        var now = Stopwatch.GetTimestamp();
        var elapsed = _lastCpuAt == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_lastCpuAt, now);
        var percent = elapsed <= TimeSpan.Zero ? 0 : 100.0 * (cpu - _lastCpu).TotalMilliseconds / (elapsed.TotalMilliseconds * Environment.ProcessorCount);
        (_lastCpu, _lastCpuAt) = (cpu, now);
        return new ProcessSample(
            Math.Round(percent, 1), _process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount, at - _started);
    }
}
