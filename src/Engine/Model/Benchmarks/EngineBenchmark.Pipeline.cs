using System.Diagnostics;
using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Model.Serving;
using Mapper.Engine.Pipeline;

namespace Mapper.Engine.Model.Benchmarks;

/// <summary>The whole mapping decision per request, without HTTP: where hybrid's extra cost over rules-only goes.</summary>
public static partial class EngineBenchmark
{
    /// <summary>
    /// One <see cref="MappingPipeline"/> over the data and the active adapter, with the configured default controls:
    /// every input as a single-label request in rules-only mode, in hybrid mode with the model run every time, and
    /// in hybrid mode answered from the adapter's cache (every input has been seen in the warm-up, so all hit); and
    /// the JSON-schema check of one answer alone, which every mode pays once per answer.
    /// </summary>
    private static async Task<PipelineSummary> PipelineAsync(
        EngineDataProvider data, AdapterRegistry registry, ModelInput[] inputs, int calls, TimeSpan warmUpFor, CancellationToken cancellationToken)
    {
        var controls = new RuntimeControlsStore(new EngineOptions().ToInitialControls());
        var batcher = new MicroBatcher(registry.Predict, controls, TimeProvider.System, 1024);
        await using var batcherScope = batcher.ConfigureAwait(false);
        var scorer = new OnnxModelScorer(registry, batcher);
        var pipeline = new MappingPipeline(data, controls, scorer, new NullDecisionRecorder(), TimeProvider.System);
        var requests = inputs.Select((input, i) => new MapRequest(input.Detector, input.RawLabel, $"tenant-{i % 8}", null)).ToArray();
        var rulesOnly = new MapOptions { ModeOverride = MappingMode.RulesOnly };
        var hybrid = new MapOptions { ModeOverride = MappingMode.Hybrid };

        // Warm up for a while (two seconds in a full run): the runtime recompiles hot methods in the background only
        // once no new method has been compiled for a while, and a short warm-up measured the schema library's
        // first-tier code.
        var modelAnswered = 0;
        var warmUp = Stopwatch.StartNew();
        for (var pass = 0; pass == 0 || warmUp.Elapsed < warmUpFor; pass++)
        {
            for (var i = 0; i < requests.Length; i++)
            {
                await pipeline.MapAsync(requests[i], rulesOnly, cancellationToken).ConfigureAwait(false);
                scorer.AnswerFromCache = pass % 2 == 1;
                var outcome = await pipeline.MapAsync(requests[i], hybrid, cancellationToken).ConfigureAwait(false);
                modelAnswered += pass == 0 && outcome.Decision.Route == "model" ? 1 : 0;
            }
        }

        // Each request in every series one after the other, so the series see the same warm-up, collections and
        // machine load (measured one series after the other, the first paid for the runtime's compiling).
        var rulesSamples = new double[calls];
        var hybridSamples = new double[calls];
        var cachedSamples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var request = requests[i % requests.Length];
            var started = Stopwatch.GetTimestamp();
            await pipeline.MapAsync(request, rulesOnly, cancellationToken).ConfigureAwait(false);
            rulesSamples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            scorer.AnswerFromCache = false;
            started = Stopwatch.GetTimestamp();
            await pipeline.MapAsync(request, hybrid, cancellationToken).ConfigureAwait(false);
            hybridSamples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            scorer.AnswerFromCache = true;
            started = Stopwatch.GetTimestamp();
            await pipeline.MapAsync(request, hybrid, cancellationToken).ConfigureAwait(false);
            cachedSamples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        var rulesBytes = await AllocatedPerRequestAsync(pipeline, requests, rulesOnly, calls, cancellationToken).ConfigureAwait(false);
        scorer.AnswerFromCache = false;
        var hybridBytes = await AllocatedPerRequestAsync(pipeline, requests, hybrid, calls, cancellationToken).ConfigureAwait(false);
        scorer.AnswerFromCache = true;
        var cachedBytes = await AllocatedPerRequestAsync(pipeline, requests, hybrid, calls, cancellationToken).ConfigureAwait(false);
        var answer = (await pipeline.MapAsync(requests[0], rulesOnly, cancellationToken).ConfigureAwait(false)).Event;
        var validator = data.Current.Validator;
        var schema = Latencies(calls, _ => validator.Validate(answer));
        return new PipelineSummary(
            LatencySummary.Of(rulesSamples), LatencySummary.Of(hybridSamples), LatencySummary.Of(cachedSamples), schema,
            (double)modelAnswered / requests.Length, rulesBytes, hybridBytes, cachedBytes);
    }

    /// <summary>
    /// Managed bytes allocated per request over <paramref name="calls"/> requests, on every thread (the batcher may
    /// run a batch on another): garbage is CPU the request pays later, in a collection.
    /// </summary>
    private static async Task<double> AllocatedPerRequestAsync(
        MappingPipeline pipeline, MapRequest[] requests, MapOptions options, int calls, CancellationToken cancellationToken)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            await pipeline.MapAsync(requests[i % requests.Length], options, cancellationToken).ConfigureAwait(false);
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
    }
}

/// <summary>
/// Per request without HTTP: rules-only, hybrid with a model run (with the share the model answered), hybrid answered
/// from the cache, the schema check of one answer, and the managed bytes each allocates per request.
/// </summary>
public sealed record PipelineSummary(
    LatencySummary RulesOnly, LatencySummary Hybrid, LatencySummary HybridCached, LatencySummary SchemaCheck, double HybridModelShare,
    double RulesOnlyBytesPerRequest, double HybridBytesPerRequest, double HybridCachedBytesPerRequest);
