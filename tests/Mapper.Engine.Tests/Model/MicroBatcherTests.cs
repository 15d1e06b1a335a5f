using System.Collections.Concurrent;
using Mapper.Engine.Controls;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Serving;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Engine.Tests.Model;

public sealed class MicroBatcherTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EnqueueAsync_ConcurrentCallers_EachGetsItsOwnResultsInOrder()
    {
        var batchSizes = new ConcurrentQueue<int>();
        await using var batcher = new MicroBatcher(inputs =>
        {
            batchSizes.Enqueue(inputs.Count);
            Thread.Sleep(2);
            return Echo(inputs);
        }, Controls(), TimeProvider.System, 1024);

        var calls = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            ModelInput[] inputs = [.. Enumerable.Range(0, 1 + (i % 3)).Select(j => new ModelInput("d", $"{i}-{j}"))];
            var answer = await batcher.EnqueueAsync(inputs, TestContext.Current.CancellationToken);
            return (inputs, answer);
        })).ToArray();
        var results = await Task.WhenAll(calls).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(r.inputs.Select(i => i.RawLabel), r.answer.Predictions.Select(p => p.Label)));
        Assert.Contains(batchSizes, size => size > 3);
        Assert.All(batchSizes, size => Assert.True(size <= 16));
    }

    [Fact]
    public async Task EnqueueAsync_CallerCancelsWhileQueued_OnlyThatCallerIsCancelledAndSkipped()
    {
        using var release = new ManualResetEventSlim();
        using var started = new SemaphoreSlim(0);
        var executed = new ConcurrentQueue<string>();
        await using var batcher = new MicroBatcher(inputs =>
        {
            started.Release();
            release.Wait();
            foreach (var input in inputs)
            {
                executed.Enqueue(input.RawLabel);
            }

            return Echo(inputs);
        }, Controls(), TimeProvider.System, 16);

        var first = batcher.EnqueueAsync([new ModelInput("d", "a")], TestContext.Current.CancellationToken);
        Assert.True(await started.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        using var budget = new CancellationTokenSource();
        var cancelled = batcher.EnqueueAsync([new ModelInput("d", "b")], budget.Token);
        var last = batcher.EnqueueAsync([new ModelInput("d", "c")], TestContext.Current.CancellationToken);
        await budget.CancelAsync();
        release.Set();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        Assert.Equal("a", (await first.WaitAsync(Deadline, TestContext.Current.CancellationToken)).Predictions[0].Label);
        Assert.Equal("c", (await last.WaitAsync(Deadline, TestContext.Current.CancellationToken)).Predictions[0].Label);
        Assert.DoesNotContain("b", executed);
    }

    [Fact]
    public async Task EnqueueAsync_QueueFull_ThrowsModelQueueFullExceptionImmediately()
    {
        using var release = new ManualResetEventSlim();
        using var started = new SemaphoreSlim(0);
        var time = new FakeTimeProvider();
        await using var batcher = new MicroBatcher(inputs =>
        {
            started.Release();
            release.Wait();
            return Echo(inputs);
        }, Controls(wait: TimeSpan.Zero), time, capacity: 2);

        var running = batcher.EnqueueAsync([new ModelInput("d", "a")], TestContext.Current.CancellationToken);
        Assert.True(await started.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        var queued = new[] { batcher.EnqueueAsync([new ModelInput("d", "b")], TestContext.Current.CancellationToken), batcher.EnqueueAsync([new ModelInput("d", "c")], TestContext.Current.CancellationToken) };
        time.Advance(TimeSpan.FromSeconds(3));

        var error = Assert.Throws<ModelQueueFullException>(() => { _ = batcher.EnqueueAsync([new ModelInput("d", "d")], TestContext.Current.CancellationToken); });
        Assert.Equal(2, error.Capacity);
        Assert.Equal(TimeSpan.FromSeconds(3), batcher.QueueLag);
        Assert.Equal(2, batcher.QueueLength);
        release.Set();
        await Task.WhenAll(queued.Append(running)).WaitAsync(Deadline, TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.Zero, batcher.QueueLag);
    }

    [Fact]
    public async Task Run_MaxBatchSizeChangedAtRunTime_NextBatchesUseTheNewLimit()
    {
        using var release = new ManualResetEventSlim();
        using var started = new SemaphoreSlim(0);
        var batchSizes = new ConcurrentQueue<int>();
        var controls = Controls(size: 2, wait: TimeSpan.Zero);
        await using var batcher = new MicroBatcher(inputs =>
        {
            batchSizes.Enqueue(inputs.Count);
            started.Release();
            release.Wait();
            return Echo(inputs);
        }, controls, TimeProvider.System, 64);

        var first = batcher.EnqueueAsync([new ModelInput("d", "first")], TestContext.Current.CancellationToken);
        Assert.True(await started.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        var rest = Enumerable.Range(0, 8).Select(i => batcher.EnqueueAsync([new ModelInput("d", $"{i}")], TestContext.Current.CancellationToken)).ToArray();
        controls.Update(c => c with { MaxBatchSize = 5 });
        release.Set();
        await Task.WhenAll(rest.Append(first)).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal([1, 5, 3], batchSizes);
    }

    private static RuntimeControlsStore Controls(int size = 16, TimeSpan? wait = null) =>
        new(new RuntimeControls { MaxBatchSize = size, MaxBatchWait = wait ?? TimeSpan.FromMilliseconds(2) });

    private static ModelAnswer Echo(IReadOnlyList<ModelInput> inputs) =>
        new([.. inputs.Select(i => new ModelPrediction(i.RawLabel, 1))], "echo@1.0.0");
}
