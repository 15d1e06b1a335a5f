using System.Collections.Concurrent;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Serving;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Engine.Tests.Model;

/// <summary>
/// A fake model for batcher tests: every run records its batch (labels joined by '|', in start order),
/// says it started, and then waits until the test releases the gate, so a test can hold a run in progress
/// while others arrive.
/// </summary>
internal sealed class GatedModel : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly ManualResetEventSlim _gate = new();
    private readonly SemaphoreSlim _started = new(0);
    private readonly ConcurrentQueue<string> _batches = new();

    public IReadOnlyList<string> Batches => [.. _batches];

    public ModelAnswer Run(IReadOnlyList<ModelInput> inputs)
    {
        _batches.Enqueue(string.Join('|', inputs.Select(i => i.RawLabel)));
        _started.Release();
        if (!_gate.Wait(Deadline))
        {
            throw new TimeoutException("the test never released the model");
        }

        return new ModelAnswer([.. inputs.Select(i => new ModelPrediction(i.RawLabel, 1))], "gated@1.0.0");
    }

    /// <summary>Sends one request from another thread and returns once its run has started (and is held).</summary>
    public async Task<Task<ModelAnswer>> StartHeldAsync(MicroBatcher batcher, string label)
    {
        var token = TestContext.Current.CancellationToken;
        var answer = Task.Run(() => batcher.EnqueueAsync([new ModelInput("d", label)], token), token);
        if (!await _started.WaitAsync(Deadline, token))
        {
            throw new TimeoutException($"the run of '{label}' never started");
        }

        return answer;
    }

    public void Release() => _gate.Set();

    public void Dispose()
    {
        _gate.Set();
        _gate.Dispose();
        _started.Dispose();
    }
}

/// <summary>A fake clock that also says when the code under test first created a timer (e.g. started a linger).</summary>
internal sealed class TimerWatchingTimeProvider : TimeProvider
{
    private readonly FakeTimeProvider _inner = new();
    private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task TimerCreated => _created.Task;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _inner.CreateTimer(callback, state, dueTime, period);
        _created.TrySetResult();
        return timer;
    }

    public void Advance(TimeSpan by) => _inner.Advance(by);
}
