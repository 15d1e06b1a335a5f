using System.Diagnostics;
using Mapper.Engine.Controls;
using Mapper.Engine.Model.Serving;
using Mapper.Engine.Rules;

namespace Mapper.Engine.Model.Benchmarks;

/// <summary>The rule mapper over a mix of tiers, and many callers at once through the micro-batcher.</summary>
public static partial class EngineBenchmark
{
    /// <summary>Per-call latency over the inputs, overall and for the calls that reach the token tier, and which tier each input reaches.</summary>
    private static (LatencySummary All, LatencySummary TokenTier, IReadOnlyList<TierCount> InputsByTier) RuleMapperLatencies(
        RuleMapper rules, ModelInput[] inputs, int calls)
    {
        var tiers = inputs.Select(i => rules.Map(i.Detector, i.RawLabel).Tier).ToArray();
        for (var i = 0; i < Math.Min(1000, calls); i++)
        {
            rules.Map(inputs[i % inputs.Length].Detector, inputs[i % inputs.Length].RawLabel);
        }

        var samples = new double[calls];
        var token = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            var input = inputs[i % inputs.Length];
            var started = Stopwatch.GetTimestamp();
            rules.Map(input.Detector, input.RawLabel);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            if (tiers[i % inputs.Length] == MatchTier.Token)
            {
                token.Add(samples[i]);
            }
        }

        var mix = Enum.GetValues<MatchTier>().Select(t => new TierCount(MatchTierConfidence.Name(t), tiers.Count(x => x == t))).ToList();
        return (LatencySummary.Of(samples), token.Count > 0 ? LatencySummary.Of([.. token]) : new LatencySummary(0, 0, 0, 0), mix);
    }

    /// <summary>
    /// <see cref="EngineBenchmarkSettings.ConcurrentCallers"/> callers, each sending single-item requests one after the
    /// other (a closed loop, like HTTP clients), through the batcher with the configured default controls.
    /// </summary>
    private static async Task<ConcurrentBatcherSummary> ConcurrentBatcherAsync(
        AdapterRegistry registry, ModelInput[] inputs, EngineBenchmarkSettings settings, CancellationToken cancellationToken)
    {
        long runs = 0, items = 0;
        ModelAnswer Counted(IReadOnlyList<ModelInput> batch)
        {
            Interlocked.Increment(ref runs);
            Interlocked.Add(ref items, batch.Count);
            return registry.Predict(batch);
        }

        var batcher = new MicroBatcher(Counted, new RuntimeControlsStore(new EngineOptions().ToInitialControls()), TimeProvider.System, 1024);
        await using var batcherScope = batcher.ConfigureAwait(false);
        var scorer = new OnnxModelScorer(registry, batcher) { AnswerFromCache = false };
        var callers = settings.ConcurrentCallers;
        var perCaller = Math.Max(1, settings.SingleCalls / callers);

        async Task<double[]> RunAsync()
        {
            var samples = new double[callers * perCaller];
            await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
            {
                for (var i = 0; i < perCaller; i++)
                {
                    // Each request arrives on a pool thread, as an HTTP request would.
                    await Task.Yield();
                    var started = Stopwatch.GetTimestamp();
                    await scorer.PredictAsync([inputs[((c * perCaller) + i) % inputs.Length]], cancellationToken).ConfigureAwait(false);
                    samples[(c * perCaller) + i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                }
            }, cancellationToken))).ConfigureAwait(false);
            return samples;
        }

        await RunAsync().ConfigureAwait(false);
        Interlocked.Exchange(ref runs, 0);
        Interlocked.Exchange(ref items, 0);
        var watch = Stopwatch.StartNew();
        var timed = await RunAsync().ConfigureAwait(false);
        var seconds = watch.Elapsed.TotalSeconds;
        return new ConcurrentBatcherSummary(callers, timed.Length / seconds, (double)Interlocked.Read(ref items) / Math.Max(1, Interlocked.Read(ref runs)), LatencySummary.Of(timed));
    }
}
