namespace Mapper.Engine.Model.Serving;

/// <summary>One caller's request in the micro-batch queue.</summary>
internal sealed class BatchItem(IReadOnlyList<ModelInput> inputs, long enqueuedAt)
{
    // Continuations run off the batch loop so one slow caller cannot stall the next batch.
    private readonly TaskCompletionSource<ModelAnswer> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _registration;

    public IReadOnlyList<ModelInput> Inputs { get; } = inputs;

    public long EnqueuedAt { get; } = enqueuedAt;

    public Task<ModelAnswer> Task => _completion.Task;

    /// <summary>Cancelled (or otherwise finished) items are skipped by the batch loop.</summary>
    public bool IsCompleted => _completion.Task.IsCompleted;

    public void WatchCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(static state =>
            {
                var (item, token) = ((BatchItem, CancellationToken))state!;
                item._completion.TrySetCanceled(token);
            }, (this, cancellationToken));
        }
    }

    public void Complete(ModelAnswer answer)
    {
        _completion.TrySetResult(answer);
        _registration.Unregister();
    }

    public void Fail(Exception error)
    {
        _completion.TrySetException(error);
        _registration.Unregister();
    }
}
