using System.Diagnostics;
using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Network;
using Mapper.Engine.Model.Serving;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mapper.Engine.Model.Benchmarks;

/// <summary>
/// In-process measurements of the model path: training, file size, session load, swap (gate included),
/// single-item latency (direct, through the micro-batcher, and the rule mapper for comparison), concurrent
/// callers through the batcher, batched throughput and where batched time goes. Inputs are the rule rows
/// plus the golden evaluation strings, so labels of realistic, varied lengths are measured, not one string
/// repeated; for the rule mapper that mix reaches every tier (the result says how many inputs reach which).
/// </summary>
public static partial class EngineBenchmark
{
    public static async Task<EngineBenchmarkResult> RunAsync(
        EngineDataProvider engineData, IReadOnlyList<string> extraLabels, EngineBenchmarkSettings settings, CancellationToken cancellationToken = default)
    {
        var data = engineData.Current.Data;
        var root = Path.Combine(Path.GetTempPath(), "mapper-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new ModelOptions { AdapterStorePath = root };
            var store = new AdapterStore(root);
            var built = AdapterBuilder.Build(data, settings.Training, options.AdapterId, "1.0.0", null, TimeProvider.System, extraLabels);
            store.Write(built.Manifest, built.Model);
            store.Write(built.Manifest with { Version = "1.0.1", ParentVersion = "1.0.0" }, built.Model);

            var loadWatch = Stopwatch.StartNew();
            OnnxClassifier.Load(built.Model, options.IntraOpThreads).Dispose();
            var load = loadWatch.Elapsed;

            using var registry = new AdapterRegistry(store, new AdapterGate(data, options), options, NullLogger<AdapterRegistry>.Instance);
            registry.Activate(options.AdapterId, "1.0.0", "benchmark");
            var swapWatch = Stopwatch.StartNew();
            registry.Activate(options.AdapterId, "1.0.1", "benchmark swap");
            var swap = swapWatch.Elapsed;

            var inputs = Inputs(data, extraLabels);
            var direct = Latencies(settings.SingleCalls, i => registry.Predict([inputs[i % inputs.Length]]));
            var rules = RuleMapperLatencies(engineData.Current.Rules, inputs, settings.SingleCalls);
            var viaBatcher = await BatcherLatenciesAsync(registry, inputs, settings.SingleCalls, cancellationToken).ConfigureAwait(false);
            var concurrent = await ConcurrentBatcherAsync(registry, inputs, settings, cancellationToken).ConfigureAwait(false);
            var pipeline = await PipelineAsync(engineData, registry, inputs, settings.SingleCalls, settings.ThroughputDuration, cancellationToken).ConfigureAwait(false);

            var batches = Enumerable.Range(0, 16)
                .Select(b => Enumerable.Range(0, settings.BatchSize).Select(i => inputs[((b * settings.BatchSize) + i) % inputs.Length]).ToArray())
                .ToArray();
            registry.Predict(batches[0]);
            var items = 0L;
            var throughputWatch = Stopwatch.StartNew();
            for (var b = 0; throughputWatch.Elapsed < settings.ThroughputDuration; b++)
            {
                items += registry.Predict(batches[b % batches.Length]).Predictions.Count;
            }

            var throughput = items / throughputWatch.Elapsed.TotalSeconds;
            var breakdown = Breakdown(registry, batches, settings.ThroughputDuration / 2);
            using var process = Process.GetCurrentProcess();
            return new EngineBenchmarkResult(
                built.Manifest.Name, built.Training.Duration.TotalSeconds, built.Model.Length, load.TotalMilliseconds, swap.TotalMilliseconds,
                settings.SingleCalls, direct, viaBatcher, rules.All, rules.TokenTier, rules.InputsByTier, concurrent, pipeline, settings.BatchSize, throughput, breakdown,
                process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), Environment.ProcessorCount, LoadAverage());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Rule rows and extra labels (each under a detector in turn), in a fixed shuffled order.</summary>
    private static ModelInput[] Inputs(MappingData data, IReadOnlyList<string> extraLabels)
    {
        var detectors = data.Detectors.Select(d => d.Detector).ToArray();
        var all = data.Detectors.SelectMany(d => d.Rules.Select(r => new ModelInput(d.Detector, r.RawLabel)))
            .Concat(extraLabels.Select((label, i) => new ModelInput(detectors[i % detectors.Length], label)))
            .ToArray();
        new Random(20250901).Shuffle(all);
        return all;
    }

    private static async Task<LatencySummary> BatcherLatenciesAsync(AdapterRegistry registry, ModelInput[] inputs, int calls, CancellationToken cancellationToken)
    {
        var batcher = new MicroBatcher(registry.Predict, new RuntimeControlsStore(new EngineOptions().ToInitialControls()), TimeProvider.System, 1024);
        await using var batcherScope = batcher.ConfigureAwait(false);
        var scorer = new OnnxModelScorer(registry, batcher) { AnswerFromCache = false };
        var warmUp = Math.Min(1000, calls);
        var samples = new double[calls];
        for (var i = 0; i < calls + warmUp; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await scorer.PredictAsync([inputs[i % inputs.Length]], cancellationToken).ConfigureAwait(false);
            if (i >= warmUp)
            {
                samples[i - warmUp] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }
        }

        return LatencySummary.Of(samples);
    }

    private static BatchBreakdown Breakdown(AdapterRegistry registry, ModelInput[][] batches, TimeSpan duration)
    {
        var timings = new PredictTimings();
        using var lease = registry.TryAcquire() ?? throw new ModelUnavailableException();
        var watch = Stopwatch.StartNew();
        for (var b = 0; watch.Elapsed < duration || b == 0; b++)
        {
            lease.Handle.Classifier.PredictProfiled(batches[b % batches.Length], timings);
        }

        double PerItem(long ticks) => PredictTimings.Microseconds(ticks) / timings.Items;
        var batchCount = (double)timings.Items / batches[0].Length;
        return new BatchBreakdown(PerItem(timings.FeaturizeTicks), PerItem(timings.TensorTicks), PerItem(timings.RunTicks),
            PerItem(timings.DecodeTicks), timings.Runs / batchCount);
    }

    /// <summary>Per-call latencies (µs) after a warm-up of up to 1000 calls.</summary>
    private static LatencySummary Latencies(int calls, Action<int> call)
    {
        for (var i = 0; i < Math.Min(1000, calls); i++)
        {
            call(i);
        }

        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            call(i);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        return LatencySummary.Of(samples);
    }


    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
