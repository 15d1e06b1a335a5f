using System.Diagnostics;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Quality;
using Microsoft.Extensions.Logging;

namespace Mapper.Engine.Model.Serving;

/// <summary>
/// The one active adapter. Readers take a reference without locking (<see cref="TryAcquire"/>); an
/// activation gates the new adapter off the request path (<see cref="Open"/>), then swaps it in with one
/// Interlocked.Exchange (<see cref="Publish"/>) and drops the registry's reference to the old one, whose
/// session is disposed after its last call. The registry swaps; it keeps no history: who activated what,
/// when and why is the caller's record (the console's store), written between the two steps.
/// </summary>
public sealed class AdapterRegistry(AdapterStore store, AdapterGate gate, ModelOptions options, ILogger<AdapterRegistry> logger) : IDisposable
{
    private readonly Lock _swapLock = new();
    private Served? _active;
    private volatile string? _lastError;
    private int _loading;

    /// <summary><c>id@version</c> of the active adapter, or null.</summary>
    public string? ActiveModel => Volatile.Read(ref _active)?.Handle.Name;

    public AdapterManifest? ActiveManifest => Volatile.Read(ref _active)?.Handle.Manifest;

    /// <summary>The activation revision the caller published the active adapter under.</summary>
    public int? ActiveRevision => Volatile.Read(ref _active)?.Revision;

    public string? LastError => _lastError;

    /// <summary>Lock-free, so a health check never waits on a swap.</summary>
    public AdapterState State => Volatile.Read(ref _loading) > 0 && Volatile.Read(ref _active) is null ? AdapterState.Loading
        : Volatile.Read(ref _active) is not null ? AdapterState.Active
        : _lastError is not null ? AdapterState.Failed
        : Volatile.Read(ref _loading) > 0 ? AdapterState.Loading
        : AdapterState.None;

    /// <summary>A reference to the active adapter for one call, or null when none is active. Lock-free.</summary>
    public AdapterLease? TryAcquire()
    {
        while (true)
        {
            var served = Volatile.Read(ref _active);
            if (served is null)
            {
                return null;
            }

            if (served.Handle.TryAcquire())
            {
                return new AdapterLease(served.Handle);
            }

            // Retired between the read and the increment: a newer handle is already published.
        }
    }

    /// <summary>Runs one batch on the active adapter, and remembers its answers in that adapter's cache.</summary>
    public ModelAnswer Predict(IReadOnlyList<ModelInput> inputs)
    {
        using var lease = TryAcquire() ?? throw new ModelUnavailableException();
        var predictions = lease.Handle.Classifier.Predict(inputs);
        lease.Handle.Predictions.Remember(inputs, predictions);
        return new ModelAnswer(predictions, lease.Handle.Name);
    }

    /// <summary>
    /// The active adapter's earlier answers for every input, or null when any is new. Lock-free and without a lease:
    /// the cache is plain memory that outlives the session, and its answers are the ones this adapter gave.
    /// </summary>
    public ModelAnswer? TryAnswerFromCache(IReadOnlyList<ModelInput> inputs)
    {
        var handle = Volatile.Read(ref _active)?.Handle;
        return handle?.Predictions.TryAnswer(inputs) is { } predictions ? new ModelAnswer(predictions, handle.Name) : null;
    }

    /// <summary>Marks the model path as loading (e.g. while a first-start baseline trains) until the handle is disposed.</summary>
    public IDisposable Loading()
    {
        Interlocked.Increment(ref _loading);
        return new LoadingScope(this);
    }

    /// <summary>
    /// Gates <paramref name="id"/>@<paramref name="version"/> without making it active. Throws
    /// <see cref="AdapterRejectedException"/> (and reports it as <see cref="LastError"/>) if it fails; the
    /// active adapter keeps serving either way. Publish or discard what it returns.
    /// </summary>
    public GatedAdapter Open(string id, string version, IReadOnlyList<GoldenCase>? regressionCases = null)
    {
        using var loading = Loading();
        try
        {
            return gate.Open(store, id, version, regressionCases);
        }
        catch (AdapterRejectedException e)
        {
            _lastError = e.Message;
            ModelLog.Rejected(logger, e.Adapter, e.Reason.ToString(), ActiveModel ?? "nothing", e.Message);
            throw;
        }
    }

    /// <summary>Makes a gated adapter the active one under <paramref name="revision"/>; the old session goes after its last call.</summary>
    public AdapterRevision Publish(GatedAdapter gated, int revision, string kind, string? reason, string? actor, DateTimeOffset at)
    {
        lock (_swapLock)
        {
            var previous = Interlocked.Exchange(ref _active, new Served(new AdapterHandle(gated.Manifest, gated.Classifier, options.PredictionCacheEntries), revision));
            previous?.Handle.Release();
            _lastError = null;
        }

        ModelLog.Activated(logger, gated.Manifest.Name, revision, kind, reason);
        return new AdapterRevision(revision, gated.Manifest.Id, gated.Manifest.Version, kind, at, null, reason, actor);
    }

    /// <summary>Gates and publishes in one step as the next revision (benchmarks, tests and the offline CLI, which keep no history).</summary>
    public AdapterRevision Activate(string id, string version, string? reason = null, string? actor = null, IReadOnlyList<GoldenCase>? regressionCases = null)
    {
        var started = Stopwatch.GetTimestamp();
        var gated = Open(id, version, regressionCases);
        var revision = Publish(gated, (ActiveRevision ?? 0) + 1, AdapterRevision.KindActivate, reason, actor, DateTimeOffset.UtcNow);
        ModelLog.SwapTimed(logger, revision.Adapter, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return revision;
    }

    /// <summary>Drops the registry's reference; in-flight calls still finish before the session goes.</summary>
    public void Dispose() => Interlocked.Exchange(ref _active, null)?.Handle.Release();

    private sealed record Served(AdapterHandle Handle, int Revision);

    private sealed class LoadingScope(AdapterRegistry owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._loading);
            }
        }
    }
}
