using Mapper.Engine.Controls;

namespace Mapper.Engine.Model.Serving;

/// <summary>
/// Natural batching ("group commit") in front of the model: one run at a time, and no wait added by choice.
/// A request that finds the model idle (and so nobody queued) runs at once, on the caller's own thread: no
/// thread hop, no timer. Requests that arrive while a run is in progress queue; when the run ends, they go
/// together as the next batch (up to <see cref="RuntimeControls.MaxBatchSize"/> inputs, read live), run by
/// the caller that just finished, and any batches after that by a runner that keeps going until the queue
/// is empty. So a closed loop never waits for a batch that cannot
/// fill, and under load the batches grow by themselves to the arrival rate.
/// <para>
/// <see cref="RuntimeControls.MaxBatchWait"/> is an optional linger: it applies only to a batch formed from a
/// backlog (requests that already queued behind a run), and holds it open for more arrivals until it is full
/// or the wait is over. 0 (the configured default) never lingers; a request that finds the model idle never does.
/// </para>
/// The queue is bounded and fails fast when full; a caller's cancellation (its time budget) drops only its
/// own request. Every run goes through <c>execute</c>, which takes its own adapter lease.
/// </summary>
public sealed partial class MicroBatcher : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<ModelInput>, ModelAnswer> _execute;
    private readonly RuntimeControlsStore _controls;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Queue<BatchItem> _waiting = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _waitingInputs;

    // True while a run is in progress (inline or on the runner) or the runner is scheduled. It is cleared only
    // when the queue is empty, so a request queues only behind a run, and a caller that finds the batcher idle
    // has nobody queued ahead of it and may run at once.
    private bool _busy;
    private bool _disposed;
    private TaskCompletionSource? _stopped;

    public MicroBatcher(Func<IReadOnlyList<ModelInput>, ModelAnswer> execute, RuntimeControlsStore controls, TimeProvider time, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _execute = execute;
        _controls = controls;
        _time = time;
        Capacity = capacity;
    }

    /// <summary>Most requests that may wait at once (not counting the run in progress).</summary>
    public int Capacity { get; }

    /// <summary>Requests waiting (not yet running).</summary>
    public int QueueLength
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Age of the oldest waiting request, zero when none waits: the <c>mapper_queue_lag_seconds</c> gauge.</summary>
    public TimeSpan QueueLag
    {
        get
        {
            long since;
            lock (_lock)
            {
                since = _waiting.TryPeek(out var oldest) ? oldest.EnqueuedAt : 0;
            }

            return since == 0 ? TimeSpan.Zero : _time.GetElapsedTime(since);
        }
    }

    /// <summary>
    /// Runs or queues the inputs and completes with their predictions in order. Throws
    /// <see cref="ModelQueueFullException"/> at once when full. When the model is idle the run happens inside
    /// this call and the returned task is already complete.
    /// </summary>
    public Task<ModelAnswer> EnqueueAsync(IReadOnlyList<ModelInput> inputs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_busy)
            {
                return Queue(inputs, cancellationToken);
            }

            _busy = true;
        }

        return RunInline(inputs);
    }

    /// <summary>Queues behind the run in progress. Caller holds the lock.</summary>
    private Task<ModelAnswer> Queue(IReadOnlyList<ModelInput> inputs, CancellationToken cancellationToken)
    {
        if (_waiting.Count >= Capacity)
        {
            throw new ModelQueueFullException(Capacity);
        }

        // Watched before a runner can see it, so a caller already out of budget is skipped, never run.
        var item = new BatchItem(inputs, _time.GetTimestamp());
        item.WatchCancellation(cancellationToken);
        _waiting.Enqueue(item);
        _waitingInputs += inputs.Count;
        if (_lingerFilled is not null && _waitingInputs >= _controls.Current.MaxBatchSize)
        {
            _lingerFilled.TrySetResult();
        }

        return item.Task;
    }

    private Task<ModelAnswer> RunInline(IReadOnlyList<ModelInput> inputs)
    {
        Task<ModelAnswer> result;
        try
        {
            result = Task.FromResult(_execute(inputs));
        }
        catch (Exception e)
        {
            result = Task.FromException<ModelAnswer>(e);
        }

        // Whatever queued behind this run is next. Without a linger, this caller runs one batch of it on its
        // own thread before it returns (a thread hop costs about as much as a small run, and the waiting
        // callers' answers still complete asynchronously); anything left after that goes to the runner, so a
        // caller is never held for more than one batch beyond its own.
        List<BatchItem>? backlog = null;
        lock (_lock)
        {
            if (_waiting.Count == 0 || _disposed)
            {
                BecomeIdle();
                return result;
            }

            if (_controls.Current is { MaxBatchWait.Ticks: 0 } controls)
            {
                backlog = [];
                Take(backlog, controls.MaxBatchSize);
            }
        }

        if (backlog is not null)
        {
            BatchExecution.Run(_execute, backlog);
            lock (_lock)
            {
                if (_waiting.Count == 0 || _disposed)
                {
                    BecomeIdle();
                    return result;
                }
            }
        }

        _ = Task.Run(DrainAsync);
        return result;
    }

    /// <summary>Nothing runs and nothing waits any more. Caller holds the lock.</summary>
    private void BecomeIdle()
    {
        _busy = false;
        if (_disposed)
        {
            _stopped?.TrySetResult();
        }
    }

    /// <summary>Fails every waiting request and waits for the run in progress (it holds its own adapter lease).</summary>
    public async ValueTask DisposeAsync()
    {
        BatchItem[] left;
        Task stopped;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            left = [.. _waiting];
            _waiting.Clear();
            _waitingInputs = 0;
            _stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            stopped = _busy ? _stopped.Task : Task.CompletedTask;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var item in left)
        {
            item.Fail(new ObjectDisposedException(nameof(MicroBatcher)));
        }

        await stopped.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
