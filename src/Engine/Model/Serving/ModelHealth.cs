namespace Mapper.Engine.Model.Serving;

/// <summary>What /health reports about the model path.</summary>
public enum AdapterState
{
    /// <summary>No adapter has been activated yet.</summary>
    None,

    /// <summary>An adapter is being trained, loaded or gated.</summary>
    Loading,

    /// <summary>An adapter serves (a later failed activation leaves it serving, with LastError set).</summary>
    Active,

    /// <summary>Nothing serves and the last attempt failed.</summary>
    Failed,
}

/// <summary>A snapshot of the model path's health.</summary>
public sealed record ModelHealth(AdapterState State, string? ActiveModel, int? Revision, string? LastError, TimeSpan QueueLag, int QueueLength);

/// <summary>No adapter is active: the pipeline reports model_error and uses the rules.</summary>
public sealed class ModelUnavailableException() : InvalidOperationException("No model adapter is active.");

/// <summary>
/// The micro-batch queue is full; failing fast keeps latency bounded instead of queueing without limit.
/// The request is shed with a retryable 429, not answered from the rules (that would hide the overload).
/// </summary>
public sealed class ModelQueueFullException(int capacity)
    : ModelOverloadedException($"The model queue is full ({capacity} waiting requests).")
{
    public int Capacity { get; } = capacity;
}
