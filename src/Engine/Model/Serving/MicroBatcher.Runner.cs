using Mapper.Engine.Controls;

namespace Mapper.Engine.Model.Serving;

/// <summary>The runner side of <see cref="MicroBatcher"/>: draining the backlog, batch by batch, and the optional linger.</summary>
public sealed partial class MicroBatcher
{
    private TaskCompletionSource? _lingerFilled;

    /// <summary>Runs batch after batch until the queue is empty, then leaves the batcher idle.</summary>
    private async Task DrainAsync()
    {
        var batch = new List<BatchItem>();
        while (true)
        {
            var controls = _controls.Current;
            if (controls.MaxBatchWait > TimeSpan.Zero)
            {
                await LingerAsync(controls).ConfigureAwait(false);
            }

            lock (_lock)
            {
                Take(batch, controls.MaxBatchSize);
                if (batch.Count == 0)
                {
                    BecomeIdle();
                    return;
                }
            }

            BatchExecution.Run(_execute, batch);
            batch.Clear();
        }
    }

    /// <summary>Holds a partly filled backlog open until it fills, the wait ends or the batcher stops.</summary>
    private async Task LingerAsync(RuntimeControls controls)
    {
        TaskCompletionSource filled;
        lock (_lock)
        {
            if (_waiting.Count == 0 || _waitingInputs >= controls.MaxBatchSize || _disposed)
            {
                return;
            }

            _lingerFilled = filled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var delay = Task.Delay(controls.MaxBatchWait, _time, stop.Token);
        await Task.WhenAny(filled.Task, delay).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        lock (_lock)
        {
            _lingerFilled = null;
        }
    }

    /// <summary>
    /// Moves queued requests into the batch while they fit (a single request larger than the limit runs
    /// alone), dropping those whose caller gave up. Caller holds the lock.
    /// </summary>
    private void Take(List<BatchItem> batch, int maxSize)
    {
        var size = 0;
        while (_waiting.TryPeek(out var next) && (batch.Count == 0 || size + next.Inputs.Count <= maxSize))
        {
            _waiting.Dequeue();
            _waitingInputs -= next.Inputs.Count;
            if (next.IsCompleted)
            {
                continue;
            }

            batch.Add(next);
            size += next.Inputs.Count;
        }
    }
}
