using System.Collections.Concurrent;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Engine.Tests.Model;

public sealed class AdapterRegistryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void RollbackTo_EarlierVersion_AddsNewRevisionAndHistorySurvivesRestart()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1, TestAdapters.V2);
        using (var registry = NewRegistry(directory, store))
        {
            registry.Activate(TestAdapters.Id, "1.0.0", "first");
            _time.Advance(TimeSpan.FromMinutes(1));
            registry.Activate(TestAdapters.Id, "1.1.0", "upgrade", "alice");
            _time.Advance(TimeSpan.FromMinutes(1));
            var rollback = registry.RollbackTo("1.0.0", "regression in 1.1.0", "bob");

            Assert.Equal(3, rollback.Revision);
            Assert.Equal(AdapterRevision.KindRollback, rollback.Kind);
            Assert.Equal("test-adapter@1.0.0", registry.ActiveModel);
        }

        using var restarted = NewRegistry(directory, store);
        Assert.Null(restarted.ActiveModel);
        Assert.True(restarted.Restore());

        Assert.Equal("test-adapter@1.0.0", restarted.ActiveModel);
        var history = restarted.History;
        Assert.Equal([1, 2, 3], history.Select(r => r.Revision));
        Assert.Equal(["1.0.0", "1.1.0", "1.0.0"], history.Select(r => r.Version));
        Assert.All(history.Take(2), r => Assert.NotNull(r.DeactivatedAt));
        Assert.Null(history[2].DeactivatedAt);
        Assert.Equal(3, restarted.CurrentRevision);
    }

    [Fact]
    public void Activate_RejectedAdapter_CurrentKeepsServingAndErrorIsReported()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1);
        store.Write(TestAdapters.V2.Manifest with { TaxonomyHash = "sha256:0000" }, TestAdapters.V2.Model);
        using var registry = NewRegistry(directory, store);
        registry.Activate(TestAdapters.Id, "1.0.0");

        Assert.Throws<AdapterRejectedException>(() => registry.Activate(TestAdapters.Id, "1.1.0"));

        Assert.Equal("test-adapter@1.0.0", registry.ActiveModel);
        Assert.Equal(AdapterState.Active, registry.State);
        Assert.Contains("TaxonomyMismatch", registry.LastError);
        Assert.Single(registry.History);
        Assert.Equal("test-adapter@1.0.0", registry.Predict([new ModelInput("presidio", "EMAIL_ADDRESS")]).Model);
    }

    [Fact]
    public async Task Predict_SeveralThreadsThroughDozensOfSwaps_NoErrorsAndRetiredSessionsDisposed()
    {
        const int Readers = 4;
        const int Swaps = 30;
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1, TestAdapters.V2);
        var registry = NewRegistry(directory, store);
        registry.Activate(TestAdapters.Id, "1.0.0");
        var seen = new ConcurrentDictionary<AdapterHandle, byte>();
        var errors = new ConcurrentQueue<string>();
        var predictions = 0L;
        var readsDuringSwap = 0L;
        var swapping = 0;
        using var running = new CountdownEvent(Readers);
        using var stop = new CancellationTokenSource();
        ModelInput[] inputs = [new("presidio", "EMAIL_ADDRESS"), new("openai-moderation", "hate")];

        var readers = Enumerable.Range(0, Readers).Select(_ => Task.Run(() =>
        {
            var first = true;
            while (!stop.IsCancellationRequested)
            {
                var duringSwap = Volatile.Read(ref swapping) == 1;
                using (var lease = registry.TryAcquire() ?? throw new InvalidOperationException("no adapter"))
                {
                    seen.TryAdd(lease.Handle, 0);
                    var result = lease.Handle.Classifier.Predict(inputs);
                    if (lease.Handle.Classifier.IsDisposed || result[0].Label != "PII.Contact.Email")
                    {
                        errors.Enqueue($"bad call on {lease.Handle.Name}");
                    }
                }

                Interlocked.Increment(ref predictions);
                if (duringSwap)
                {
                    Interlocked.Increment(ref readsDuringSwap);
                }

                if (first)
                {
                    first = false;
                    running.Signal();
                }
            }
        })).ToArray();

        // Every reader is in its loop before the first swap, so no swap can finish before the reads begin.
        Assert.True(running.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken), "readers did not start");
        for (var swap = 0; swap < Swaps; swap++)
        {
            Volatile.Write(ref swapping, 1);
            registry.Activate(TestAdapters.Id, swap % 2 == 0 ? "1.1.0" : "1.0.0");
            Volatile.Write(ref swapping, 0);
        }

        var readsAfterSwaps = Interlocked.Read(ref predictions);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(errors);
        Assert.True(Interlocked.Read(ref readsDuringSwap) > 0, $"no read began while a swap was in progress ({predictions} reads)");
        Assert.True(readsAfterSwaps > Readers, $"{readsAfterSwaps} reads");
        Assert.Equal(Swaps + 1, registry.History.Count);
        var active = registry.TryAcquire()!.Value;
        active.Dispose();
        Assert.All(seen.Keys.Where(h => h != active.Handle), h => Assert.True(h.IsRetired && h.Classifier.IsDisposed));
        registry.Dispose();
        Assert.True(active.Handle.Classifier.IsDisposed);
    }

    [Fact]
    public void Activate_WhileALeaseIsHeld_OldSessionServesTheLeaseAndIsDisposedOnlyWhenItEnds()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1, TestAdapters.V2);
        using var registry = NewRegistry(directory, store);
        registry.Activate(TestAdapters.Id, "1.0.0");
        var lease = registry.TryAcquire()!.Value;

        // The swap happens in the middle of this read: acquired before, used after.
        registry.Activate(TestAdapters.Id, "1.1.0");

        Assert.Equal("test-adapter@1.1.0", registry.ActiveModel);
        using (var current = registry.TryAcquire()!.Value)
        {
            Assert.NotSame(lease.Handle, current.Handle);
        }

        Assert.False(lease.Handle.IsRetired);
        Assert.False(lease.Handle.Classifier.IsDisposed);
        Assert.Equal("PII.Contact.Email", lease.Handle.Classifier.Predict([new ModelInput("presidio", "EMAIL_ADDRESS")])[0].Label);
        lease.Dispose();
        Assert.True(lease.Handle.IsRetired);
        Assert.True(lease.Handle.Classifier.IsDisposed);
    }

    private AdapterRegistry NewRegistry(TempDirectory directory, AdapterStore store) =>
        new(store, new AdapterGate(BundledData.Load(), TestAdapters.Options(directory)), _time, NullLogger<AdapterRegistry>.Instance);
}
