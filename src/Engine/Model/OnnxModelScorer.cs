using Mapper.Engine.Model.Serving;

namespace Mapper.Engine.Model;

/// <summary>
/// The in-process model path: a request whose labels the active adapter has all answered before is answered from
/// its cache at once; any other goes through the micro-batcher to the adapter, which remembers the answers.
/// Cancellation (the pipeline's time budget) surfaces as <see cref="OperationCanceledException"/>; no
/// active adapter as <see cref="ModelUnavailableException"/>; a full queue as <see cref="ModelQueueFullException"/>.
/// </summary>
public sealed class OnnxModelScorer(AdapterRegistry registry, MicroBatcher batcher) : IModelScorer
{
    private long _cacheHits;
    private long _cacheMisses;

    /// <summary>Requests answered from the active adapter's cache, and those that had to run, since start (<c>mapper_model_cache_lookups_total</c>).</summary>
    public (long Hits, long Misses) CacheLookups => (Interlocked.Read(ref _cacheHits), Interlocked.Read(ref _cacheMisses));

    public string? ActiveModel => registry.ActiveModel;

    /// <summary>Age of the oldest queued request (for the <c>mapper_queue_lag_seconds</c> gauge).</summary>
    public TimeSpan QueueLag => batcher.QueueLag;

    public ModelHealth Health => new(registry.State, registry.ActiveModel, registry.ActiveRevision, registry.LastError, batcher.QueueLag, batcher.QueueLength);

    public ValueTask<ModelAnswer> PredictAsync(IReadOnlyList<ModelInput> inputs, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0)
        {
            var model = registry.ActiveModel ?? throw new ModelUnavailableException();
            return ValueTask.FromResult(new ModelAnswer([], model));
        }

        if (AnswerFromCache)
        {
            if (registry.TryAnswerFromCache(inputs) is { } known)
            {
                Interlocked.Increment(ref _cacheHits);
                return ValueTask.FromResult(known);
            }

            Interlocked.Increment(ref _cacheMisses);
        }

        return new ValueTask<ModelAnswer>(batcher.EnqueueAsync(inputs, cancellationToken));
    }

    /// <summary>
    /// False sends every request to the model even when its answer is cached (answers are still remembered):
    /// for <c>mapper bench</c>, which measures the model path itself beside the cached one. The configured size
    /// (<c>Model:PredictionCacheEntries</c>, 0 for none) is the operator's switch.
    /// </summary>
    public bool AnswerFromCache { get; set; } = true;
}
