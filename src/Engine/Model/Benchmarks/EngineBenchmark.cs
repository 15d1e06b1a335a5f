using System.Diagnostics;
using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Network;
using Mapper.Engine.Model.Serving;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mapper.Engine.Model.Benchmarks;

/// <summary>What <c>mapper bench engine</c> prints. Latencies in microseconds.</summary>
public sealed record EngineBenchmarkResult(
    double TrainingSeconds,
    long AdapterFileBytes,
    double SessionLoadMilliseconds,
    double SwapMilliseconds,
    int SingleItemCalls,
    double SingleP50Microseconds,
    double SingleP95Microseconds,
    double SingleP99Microseconds,
    double ScorerSingleP99Microseconds,
    int BatchSize,
    double BatchedItemsPerSecond,
    long WorkingSetBytes);

/// <summary>
/// In-process measurements of the model path on the bundled baseline: training, file size, session load,
/// swap (gate included), single-item latency (direct and through the micro-batcher) and batched throughput.
/// </summary>
public static class EngineBenchmark
{
    public static async Task<EngineBenchmarkResult> RunAsync(MappingData data, int singleCalls = 10_000, int batchSize = 256, CancellationToken cancellationToken = default)
    {
        var root = Path.Combine(Path.GetTempPath(), "mapper-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new ModelOptions { AdapterStorePath = root };
            var store = new AdapterStore(root);
            var built = AdapterBuilder.Build(data, options.BaselineTraining, options.AdapterId, "1.0.0", null, TimeProvider.System);
            store.Write(built.Manifest, built.Model);
            store.Write(built.Manifest with { Version = "1.0.1", ParentVersion = "1.0.0" }, built.Model);

            var loadWatch = Stopwatch.StartNew();
            OnnxClassifier.Load(built.Model, options.IntraOpThreads).Dispose();
            var load = loadWatch.Elapsed;

            using var registry = new AdapterRegistry(store, new AdapterGate(data, options), TimeProvider.System, NullLogger<AdapterRegistry>.Instance);
            registry.Activate(options.AdapterId, "1.0.0", "benchmark");
            var swapWatch = Stopwatch.StartNew();
            registry.Activate(options.AdapterId, "1.0.1", "benchmark swap");
            var swap = swapWatch.Elapsed;

            var inputs = data.Detectors.SelectMany(d => d.Rules.Select(r => new ModelInput(d.Detector, r.RawLabel))).ToArray();
            var direct = Latencies(singleCalls, i => registry.Predict([inputs[i % inputs.Length]]));

            var batcher = new MicroBatcher(registry.Predict, new RuntimeControlsStore(new RuntimeControls()), TimeProvider.System, options.QueueCapacity);
            await using var batcherScope = batcher.ConfigureAwait(false);
            var scorer = new OnnxModelScorer(registry, batcher);
            var viaScorer = new double[singleCalls];
            for (var i = 0; i < singleCalls + 1000; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await scorer.PredictAsync([inputs[i % inputs.Length]], cancellationToken).ConfigureAwait(false);
                if (i >= 1000)
                {
                    viaScorer[i - 1000] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                }
            }

            Array.Sort(viaScorer);
            var batch = Enumerable.Range(0, batchSize).Select(i => inputs[i % inputs.Length]).ToArray();
            registry.Predict(batch);
            var items = 0L;
            var throughputWatch = Stopwatch.StartNew();
            while (throughputWatch.Elapsed < TimeSpan.FromSeconds(2))
            {
                registry.Predict(batch);
                items += batch.Length;
            }

            return new EngineBenchmarkResult(
                built.Training.Duration.TotalSeconds,
                built.Model.Length,
                load.TotalMilliseconds,
                swap.TotalMilliseconds,
                singleCalls,
                Percentile(direct, 0.50),
                Percentile(direct, 0.95),
                Percentile(direct, 0.99),
                Percentile(viaScorer, 0.99),
                batchSize,
                items / throughputWatch.Elapsed.TotalSeconds,
                Process.GetCurrentProcess().WorkingSet64);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Sorted per-call latencies (µs) after a warm-up of 1000 calls.</summary>
    private static double[] Latencies(int calls, Action<int> call)
    {
        for (var i = 0; i < 1000; i++)
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

        Array.Sort(samples);
        return samples;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
