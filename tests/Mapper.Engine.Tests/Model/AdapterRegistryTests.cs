using System.Collections.Concurrent;
using Mapper.Engine.Controls;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mapper.Engine.Tests.Model;

public sealed class AdapterRegistryTests
{
    [Fact]
    public void OpenThenPublish_GatedAdapter_ServesUnderTheCallersRevision()
    {
        using var directory = new TempDirectory();
        using var registry = NewRegistry(TestAdapters.StoreWith(directory, TestAdapters.V1, TestAdapters.V2));

        var gated = registry.Open(TestAdapters.Id, "1.1.0");
        Assert.Null(registry.ActiveModel);
        var revision = registry.Publish(gated, 7, AdapterRevision.KindRollback, "regression", "bob", DateTimeOffset.UnixEpoch);

        Assert.Equal("test-adapter@1.1.0", registry.ActiveModel);
        Assert.Equal(7, registry.ActiveRevision);
        Assert.Equal((7, AdapterRevision.KindRollback, "bob"), (revision.Revision, revision.Kind, revision.Actor));
        Assert.Equal(AdapterState.Active, registry.State);
    }

    [Fact]
    public void Open_RejectedAdapter_CurrentKeepsServingAndErrorIsReported()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1);
        store.Write(TestAdapters.V2.Manifest with { TaxonomyHash = "sha256:0000" }, TestAdapters.V2.Model);
        using var registry = NewRegistry(store);
        registry.Activate(TestAdapters.Id, "1.0.0");

        Assert.Throws<AdapterRejectedException>(() => registry.Open(TestAdapters.Id, "1.1.0"));

        Assert.Equal("test-adapter@1.0.0", registry.ActiveModel);
        Assert.Equal(AdapterState.Active, registry.State);
        Assert.Contains("TaxonomyMismatch", registry.LastError);
        Assert.Equal("test-adapter@1.0.0", registry.Predict([new ModelInput("presidio", "EMAIL_ADDRESS")]).Model);
    }

    [Fact]
    public void Open_CorruptManifest_IsRefusedNamingTheFile()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1);
        var manifest = Path.Combine(store.DirectoryOf(TestAdapters.Id, "1.0.0"), AdapterStore.ManifestFileName);
        File.WriteAllText(manifest, "{\"id\": \"test-ad");
        using var registry = NewRegistry(store);

        var refused = Assert.Throws<AdapterRejectedException>(() => registry.Open(TestAdapters.Id, "1.0.0"));

        Assert.Equal(AdapterRejection.Unreadable, refused.Reason);
        Assert.Contains(manifest, refused.Message, StringComparison.Ordinal);
        Assert.Equal(AdapterState.Failed, registry.State);
        Assert.Contains(manifest, Assert.Single(store.Unreadable()), StringComparison.Ordinal);
        Assert.Empty(store.List());
    }

    [Fact]
    public async Task Predict_ReadersRunThroughDozensOfSwaps_NoErrorsAndRetiredSessionsDisposed()
    {
        using var directory = new TempDirectory();
        var registry = NewRegistry(TestAdapters.StoreWith(directory, TestAdapters.V1, TestAdapters.V2));
        registry.Activate(TestAdapters.Id, "1.0.0");
        var seen = new ConcurrentDictionary<AdapterHandle, byte>();
        var errors = new ConcurrentQueue<string>();
        var readsDuringSwaps = 0L;
        var swapping = 0;
        using var stop = new CancellationTokenSource();
        using var readersRunning = new CountdownEvent(4);
        ModelInput[] inputs = [new("presidio", "EMAIL_ADDRESS"), new("openai-moderation", "hate")];

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            readersRunning.Signal();
            while (!stop.IsCancellationRequested)
            {
                var duringSwap = Volatile.Read(ref swapping) == 1;
                using var lease = registry.TryAcquire() ?? throw new InvalidOperationException("no adapter");
                seen.TryAdd(lease.Handle, 0);
                var result = lease.Handle.Classifier.Predict(inputs);
                if (lease.Handle.Classifier.IsDisposed || result[0].Label != "PII.Contact.Email")
                {
                    errors.Enqueue($"bad call on {lease.Handle.Name}");
                }

                if (duringSwap)
                {
                    Interlocked.Increment(ref readsDuringSwaps);
                }
            }
        })).ToArray();

        // The swaps start only once every reader is inside its loop, so reads and swaps overlap.
        Assert.True(readersRunning.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        for (var swap = 0; swap < 30; swap++)
        {
            Volatile.Write(ref swapping, 1);
            registry.Activate(TestAdapters.Id, swap % 2 == 0 ? "1.1.0" : "1.0.0");
            Volatile.Write(ref swapping, 0);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(errors);
        Assert.True(readsDuringSwaps > 0, "no read overlapped a swap");
        Assert.Equal(31, registry.ActiveRevision);
        Assert.True(seen.Count > 2, $"readers saw only {seen.Count} handles across 30 swaps");
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
        using var registry = NewRegistry(store);
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

    [Fact]
    public void TryAnswerFromCache_AfterASwap_NeverServesTheOldAdaptersAnswers()
    {
        using var directory = new TempDirectory();
        using var registry = NewRegistry(TestAdapters.StoreWith(directory, TestAdapters.V1, TestAdapters.V2), cacheEntries: 64);
        registry.Activate(TestAdapters.Id, "1.0.0");
        ModelInput[] email = [new("presidio", "EMAIL_ADDRESS")];
        Assert.Null(registry.TryAnswerFromCache(email));

        var ran = registry.Predict(email);
        var cached = registry.TryAnswerFromCache(email);

        Assert.NotNull(cached);
        Assert.Equal("test-adapter@1.0.0", cached.Model);
        Assert.Equal(ran.Predictions, cached.Predictions);

        registry.Activate(TestAdapters.Id, "1.1.0");

        Assert.Null(registry.TryAnswerFromCache(email));
        registry.Predict(email);
        Assert.Equal("test-adapter@1.1.0", registry.TryAnswerFromCache(email)?.Model);
    }

    [Fact]
    public async Task PredictAsync_ALabelAnsweredBefore_SkipsTheModelRunUnlessTheCacheIsBypassed()
    {
        using var directory = new TempDirectory();
        using var registry = NewRegistry(TestAdapters.StoreWith(directory, TestAdapters.V1), cacheEntries: 64);
        registry.Activate(TestAdapters.Id, "1.0.0");
        var runs = 0;
        await using var batcher = new MicroBatcher(
            inputs =>
            {
                Interlocked.Increment(ref runs);
                return registry.Predict(inputs);
            },
            new RuntimeControlsStore(new EngineOptions().ToInitialControls()),
            TimeProvider.System,
            16);
        var scorer = new OnnxModelScorer(registry, batcher);
        ModelInput[] request = [new("presidio", "EMAIL_ADDRESS"), new("openai-moderation", "hate")];

        var first = await scorer.PredictAsync(request, TestContext.Current.CancellationToken);
        var second = await scorer.PredictAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(1, runs);
        Assert.Equal(first.Predictions, second.Predictions);
        Assert.Equal((1L, 1L), scorer.CacheLookups);

        scorer.AnswerFromCache = false;
        await scorer.PredictAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(2, runs);
        Assert.Equal((1L, 1L), scorer.CacheLookups);
    }

    private static AdapterRegistry NewRegistry(AdapterStore store, int cacheEntries = 0)
    {
        var options = new ModelOptions { AdapterStorePath = store.Root, AdapterId = TestAdapters.Id, PredictionCacheEntries = cacheEntries };
        return new(store, new AdapterGate(BundledData.Load(), options), options, NullLogger<AdapterRegistry>.Instance);
    }
}
