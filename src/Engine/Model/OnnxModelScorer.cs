using Mapper.Engine.Model.Serving;

namespace Mapper.Engine.Model;

/// <summary>
/// The in-process model path: requests go through the micro-batcher to the registry's active adapter.
/// Cancellation (the pipeline's time budget) surfaces as <see cref="OperationCanceledException"/>; no
/// active adapter as <see cref="ModelUnavailableException"/>; a full queue as <see cref="ModelQueueFullException"/>.
/// </summary>
public sealed class OnnxModelScorer(AdapterRegistry registry, MicroBatcher batcher) : IModelScorer
{
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

        return new ValueTask<ModelAnswer>(batcher.EnqueueAsync(inputs, cancellationToken));
    }
}
