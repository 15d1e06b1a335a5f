using System.Collections.Concurrent;
using Mapper.Engine.Controls;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Serving;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Engine.Tests.Model;

/// <summary>
/// The batcher's contract, on a fake model whose runs the test holds and releases (<see cref="GatedModel"/>)
/// and, where time matters, a fake clock that never moves unless told to.
/// </summary>
public sealed class MicroBatcherTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Forever = TimeSpan.FromMilliseconds(100);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnqueueAsync_ModelIdle_RunsAtOnceOnTheCallersThreadWithoutWaitingForTheLinger()
    {
        var threads = new ConcurrentQueue<int>();
        await using var batcher = new MicroBatcher(inputs =>
        {
            threads.Enqueue(Environment.CurrentManagedThreadId);
            return Echo(inputs);
        }, Controls(wait: Forever), new FakeTimeProvider(), 16);

        var answer = batcher.EnqueueAsync([Input("a")], Token);

        Assert.True(answer.IsCompletedSuccessfully, "a lone request waited although the model was idle");
        Assert.Equal("a", (await answer).Predictions[0].Label);
        Assert.Equal([Environment.CurrentManagedThreadId], threads);
    }

    [Fact]
    public async Task EnqueueAsync_ItemsArriveDuringARun_RunTogetherAsTheNextBatch()
    {
        using var model = new GatedModel();
        await using var batcher = new MicroBatcher(model.Run, Controls(), new FakeTimeProvider(), 16);

        var first = await model.StartHeldAsync(batcher, "a");
        var rest = new[] { "b", "c", "d" }.Select(label => batcher.EnqueueAsync([Input(label)], Token)).ToArray();
        Assert.All(rest, task => Assert.False(task.IsCompleted));
        Assert.Equal(3, batcher.QueueLength);
        model.Release();
        var answers = await Task.WhenAll(rest.Append(first)).WaitAsync(Deadline, Token);

        Assert.Equal(["a", "b|c|d"], model.Batches);
        Assert.Equal(["b", "c", "d", "a"], answers.Select(a => a.Predictions.Single().Label));
        Assert.Equal(0, batcher.QueueLength);
    }

    [Fact]
    public async Task EnqueueAsync_BacklogBehindAnInlineRun_TheFinishingCallerRunsTheNextBatchBeforeItReturns()
    {
        using var gate = new ManualResetEventSlim();
        using var started = new SemaphoreSlim(0);
        var runs = new ConcurrentQueue<(string Batch, int Thread)>();
        await using var batcher = new MicroBatcher(inputs =>
        {
            runs.Enqueue((string.Join('|', inputs.Select(i => i.RawLabel)), Environment.CurrentManagedThreadId));
            started.Release();
            Assert.True(gate.Wait(Deadline), "the test never released the model");
            return Echo(inputs);
        }, Controls(), new FakeTimeProvider(), 16);

        var caller = 0;
        var first = Task.Run(() =>
        {
            caller = Environment.CurrentManagedThreadId;
            return batcher.EnqueueAsync([Input("a")], Token);
        }, Token);
        Assert.True(await started.WaitAsync(Deadline, Token), "the first run never started");
        var rest = new[] { "b", "c" }.Select(label => batcher.EnqueueAsync([Input(label)], Token)).ToArray();
        gate.Set();
        await first.WaitAsync(Deadline, Token);

        Assert.All(rest, task => Assert.True(task.IsCompleted, "the caller returned before the backlog behind it ran"));
        Assert.Equal([("a", caller), ("b|c", caller)], runs);
    }

    [Fact]
    public async Task EnqueueAsync_BacklogWithLinger_HeldUntilTheWaitIsOver()
    {
        using var model = new GatedModel();
        var time = new TimerWatchingTimeProvider();
        await using var batcher = new MicroBatcher(model.Run, Controls(wait: TimeSpan.FromMilliseconds(5)), time, 16);

        var first = await model.StartHeldAsync(batcher, "a");
        var rest = new[] { batcher.EnqueueAsync([Input("b")], Token), batcher.EnqueueAsync([Input("c")], Token) };
        model.Release();
        await time.TimerCreated.WaitAsync(Deadline, Token);
        await first.WaitAsync(Deadline, Token);

        Assert.All(rest, task => Assert.False(task.IsCompleted));
        Assert.Equal(["a"], model.Batches);
        time.Advance(TimeSpan.FromMilliseconds(5));
        await Task.WhenAll(rest).WaitAsync(Deadline, Token);
        Assert.Equal(["a", "b|c"], model.Batches);
    }

    [Fact]
    public async Task EnqueueAsync_BacklogFillsDuringLinger_RunsWithoutWaitingOutTheLinger()
    {
        using var model = new GatedModel();
        var time = new TimerWatchingTimeProvider();
        await using var batcher = new MicroBatcher(model.Run, Controls(size: 3, wait: Forever), time, 16);

        var first = await model.StartHeldAsync(batcher, "a");
        var b = batcher.EnqueueAsync([Input("b")], Token);
        model.Release();
        await time.TimerCreated.WaitAsync(Deadline, Token);
        var more = new[] { batcher.EnqueueAsync([Input("c")], Token), batcher.EnqueueAsync([Input("d")], Token) };
        await Task.WhenAll(more.Append(b).Append(first)).WaitAsync(Deadline, Token);

        Assert.Equal(["a", "b|c|d"], model.Batches);
    }

    [Fact]
    public async Task EnqueueAsync_QueueFull_ThrowsModelQueueFullExceptionImmediately()
    {
        using var model = new GatedModel();
        var time = new FakeTimeProvider();
        await using var batcher = new MicroBatcher(model.Run, Controls(), time, capacity: 2);

        var running = await model.StartHeldAsync(batcher, "a");
        var queued = new[] { batcher.EnqueueAsync([Input("b")], Token), batcher.EnqueueAsync([Input("c")], Token) };
        time.Advance(TimeSpan.FromSeconds(3));

        var error = Assert.Throws<ModelQueueFullException>(() => { _ = batcher.EnqueueAsync([Input("d")], Token); });
        Assert.Equal(2, error.Capacity);
        Assert.Equal(TimeSpan.FromSeconds(3), batcher.QueueLag);
        Assert.Equal(2, batcher.QueueLength);
        model.Release();
        await Task.WhenAll(queued.Append(running)).WaitAsync(Deadline, Token);
        Assert.Equal(TimeSpan.Zero, batcher.QueueLag);
        Assert.DoesNotContain("d", string.Join('|', model.Batches).Split('|'));
    }

    [Fact]
    public async Task EnqueueAsync_CallerCancelsWhileQueued_OthersAreAnsweredAndItNeverRuns()
    {
        using var model = new GatedModel();
        await using var batcher = new MicroBatcher(model.Run, Controls(), new FakeTimeProvider(), 16);

        var first = await model.StartHeldAsync(batcher, "a");
        using var budget = new CancellationTokenSource();
        var cancelled = batcher.EnqueueAsync([Input("b")], budget.Token);
        var last = batcher.EnqueueAsync([Input("c")], Token);
        await budget.CancelAsync();
        model.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Deadline, Token));
        Assert.Equal("a", (await first.WaitAsync(Deadline, Token)).Predictions[0].Label);
        Assert.Equal("c", (await last.WaitAsync(Deadline, Token)).Predictions[0].Label);
        Assert.Equal(["a", "c"], model.Batches);
    }

    [Fact]
    public async Task EnqueueAsync_InlineRunThrows_CallerGetsTheErrorAndTheNextCallerRuns()
    {
        await using var batcher = new MicroBatcher(
            inputs => inputs[0].RawLabel == "boom" ? throw new InvalidOperationException("model failed") : Echo(inputs),
            Controls(), new FakeTimeProvider(), 16);

        var failed = batcher.EnqueueAsync([Input("boom")], Token);
        var next = batcher.EnqueueAsync([Input("ok")], Token);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        Assert.Equal("model failed", error.Message);
        Assert.True(next.IsCompletedSuccessfully, "a failed run left the batcher busy");
    }

    [Fact]
    public async Task Run_MaxBatchSizeChangedAtRunTime_NextBatchesUseTheNewLimit()
    {
        using var model = new GatedModel();
        var controls = Controls(size: 2);
        await using var batcher = new MicroBatcher(model.Run, controls, new FakeTimeProvider(), 64);

        var first = await model.StartHeldAsync(batcher, "first");
        var rest = Enumerable.Range(0, 8).Select(i => batcher.EnqueueAsync([Input($"{i}")], Token)).ToArray();
        controls.Update(c => c with { MaxBatchSize = 5 });
        model.Release();
        await Task.WhenAll(rest.Append(first)).WaitAsync(Deadline, Token);

        Assert.Equal(["first", "0|1|2|3|4", "5|6|7"], model.Batches);
    }

    [Fact]
    public async Task DisposeAsync_RequestsWaiting_FailsThemAndWaitsForTheRunInProgress()
    {
        using var model = new GatedModel();
        var batcher = new MicroBatcher(model.Run, Controls(), new FakeTimeProvider(), 16);

        var running = await model.StartHeldAsync(batcher, "a");
        var waiting = batcher.EnqueueAsync([Input("b")], Token);
        var disposing = batcher.DisposeAsync().AsTask();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(Deadline, Token));
        Assert.False(disposing.IsCompleted, "dispose returned while a run was still in progress");
        model.Release();
        await disposing.WaitAsync(Deadline, Token);
        Assert.Equal("a", (await running).Predictions[0].Label);
        Assert.Throws<ObjectDisposedException>(() => { _ = batcher.EnqueueAsync([Input("c")], Token); });
    }

    [Fact]
    public async Task EnqueueAsync_ManyConcurrentCallers_EachGetsItsOwnResultsInOrder()
    {
        var batchSizes = new ConcurrentQueue<int>();
        await using var batcher = new MicroBatcher(inputs =>
        {
            batchSizes.Enqueue(inputs.Count);
            Thread.Sleep(2); // the model's work, so that callers overlap
            return Echo(inputs);
        }, Controls(), TimeProvider.System, 1024);

        var calls = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            ModelInput[] inputs = [.. Enumerable.Range(0, 1 + (i % 3)).Select(j => Input($"{i}-{j}"))];
            var answer = await batcher.EnqueueAsync(inputs, Token);
            return (inputs, answer);
        })).ToArray();
        var results = await Task.WhenAll(calls).WaitAsync(Deadline, Token);

        Assert.All(results, r => Assert.Equal(r.inputs.Select(i => i.RawLabel), r.answer.Predictions.Select(p => p.Label)));
        Assert.Contains(batchSizes, size => size > 3);
        Assert.All(batchSizes, size => Assert.True(size <= 16));
    }

    private static RuntimeControlsStore Controls(int size = 16, TimeSpan? wait = null) =>
        new(new RuntimeControls { MaxBatchSize = size, MaxBatchWait = wait ?? TimeSpan.Zero });

    private static ModelInput Input(string label) => new("d", label);

    private static ModelAnswer Echo(IReadOnlyList<ModelInput> inputs) =>
        new([.. inputs.Select(i => new ModelPrediction(i.RawLabel, 1))], "echo@1.0.0");
}
