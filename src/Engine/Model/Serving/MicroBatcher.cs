using System.Threading.Channels;
using Mapper.Engine.Controls;

namespace Mapper.Engine.Model.Serving;

/// <summary>
/// Gathers concurrent model calls into one run. Batch limits are read from the runtime controls on every
/// batch, so an operator can shrink them live. The queue is bounded and fails fast when full; a caller's
/// cancellation (its time budget) drops only its own request.
/// </summary>
public sealed class MicroBatcher : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<ModelInput>, ModelAnswer> _execute;
    private readonly RuntimeControlsStore _controls;
    private readonly TimeProvider _time;
    private readonly Channel<BatchItem> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _gatheringSince;
    private bool _underLoad;

    public MicroBatcher(Func<IReadOnlyList<ModelInput>, ModelAnswer> execute, RuntimeControlsStore controls, TimeProvider time, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _execute = execute;
        _controls = controls;
        _time = time;
        Capacity = capacity;
        _queue = Channel.CreateBounded<BatchItem>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _loop = Task.Run(RunAsync);
    }

    public int Capacity { get; }

    /// <summary>Requests waiting (not yet running).</summary>
    public int QueueLength => _queue.Reader.Count;

    /// <summary>Age of the oldest waiting request, zero when none waits: the <c>mapper_queue_lag_seconds</c> gauge.</summary>
    public TimeSpan QueueLag
    {
        get
        {
            var since = Volatile.Read(ref _gatheringSince);
            if (since == 0 && _queue.Reader.TryPeek(out var oldest))
            {
                since = oldest.EnqueuedAt;
            }

            return since == 0 ? TimeSpan.Zero : _time.GetElapsedTime(since);
        }
    }

    /// <summary>Queues the inputs and completes with their predictions in order. Throws <see cref="ModelQueueFullException"/> at once when full.</summary>
    public Task<ModelAnswer> EnqueueAsync(IReadOnlyList<ModelInput> inputs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var item = new BatchItem(inputs, _time.GetTimestamp());
        if (!_queue.Writer.TryWrite(item))
        {
            if (_stopping.IsCancellationRequested)
            {
                throw new ObjectDisposedException(nameof(MicroBatcher));
            }

            throw new ModelQueueFullException(Capacity);
        }

        item.WatchCancellation(cancellationToken);
        return item.Task;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<BatchItem>();
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                var controls = _controls.Current;
                batch.Clear();
                var size = Take(reader, batch, 0, controls.MaxBatchSize);
                if (batch.Count > 0)
                {
                    Volatile.Write(ref _gatheringSince, batch[0].EnqueuedAt);
                }

                // Lingering for more only pays under concurrency; a lone caller runs at once.
                if (_underLoad && size < controls.MaxBatchSize && controls.MaxBatchWait > TimeSpan.Zero)
                {
                    size = await LingerAsync(reader, batch, size, controls).ConfigureAwait(false);
                }

                Volatile.Write(ref _gatheringSince, 0);
                _underLoad = batch.Count > 1 || reader.Count > 0;
                Execute(batch);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }

        while (reader.TryRead(out var left))
        {
            left.Fail(new ObjectDisposedException(nameof(MicroBatcher)));
        }
    }

    private async Task<int> LingerAsync(ChannelReader<BatchItem> reader, List<BatchItem> batch, int size, RuntimeControls controls)
    {
        using var deadline = new CancellationTokenSource(controls.MaxBatchWait, _time);
        using var stop = _stopping.Token.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), deadline);
        try
        {
            while (size < controls.MaxBatchSize && await reader.WaitToReadAsync(deadline.Token).ConfigureAwait(false))
            {
                size = Take(reader, batch, size, controls.MaxBatchSize);
            }
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            // The wait is over; run what was gathered.
        }

        return size;
    }

    /// <summary>Moves queued requests into the batch while they fit (a single request larger than the limit runs alone).</summary>
    private static int Take(ChannelReader<BatchItem> reader, List<BatchItem> batch, int size, int maxSize)
    {
        while (reader.TryPeek(out var next) && (batch.Count == 0 || size + next.Inputs.Count <= maxSize) && reader.TryRead(out next))
        {
            if (next.IsCompleted)
            {
                continue;
            }

            batch.Add(next);
            size += next.Inputs.Count;
        }

        return size;
    }

    private void Execute(List<BatchItem> batch)
    {
        batch.RemoveAll(b => b.IsCompleted);
        if (batch.Count == 0)
        {
            return;
        }

        var inputs = batch.Count == 1 ? batch[0].Inputs : Concat(batch);
        try
        {
            var answer = _execute(inputs);
            if (batch.Count == 1)
            {
                batch[0].Complete(answer);
                return;
            }

            var offset = 0;
            foreach (var item in batch)
            {
                var own = new ModelPrediction[item.Inputs.Count];
                for (var i = 0; i < own.Length; i++)
                {
                    own[i] = answer.Predictions[offset + i];
                }

                item.Complete(new ModelAnswer(own, answer.Model));
                offset += own.Length;
            }
        }
        catch (Exception e)
        {
            foreach (var item in batch)
            {
                item.Fail(e);
            }
        }
    }

    /// <summary>All callers' inputs in queue order, in one pre-sized list (no LINQ on the batch loop).</summary>
    private static List<ModelInput> Concat(List<BatchItem> batch)
    {
        var size = 0;
        foreach (var item in batch)
        {
            size += item.Inputs.Count;
        }

        var inputs = new List<ModelInput>(size);
        foreach (var item in batch)
        {
            for (var i = 0; i < item.Inputs.Count; i++)
            {
                inputs.Add(item.Inputs[i]);
            }
        }

        return inputs;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
