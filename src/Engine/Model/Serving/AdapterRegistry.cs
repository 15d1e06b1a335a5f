using System.Diagnostics;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Quality;
using Microsoft.Extensions.Logging;

namespace Mapper.Engine.Model.Serving;

/// <summary>
/// The one active adapter. Readers take a reference without locking (<see cref="TryAcquire"/>); an
/// activation gates the new adapter off the request path, swaps it in with one Interlocked.Exchange and
/// drops the registry's reference to the old one, whose session is disposed after its last call.
/// History is append-only and persisted, so a restart serves what was serving.
/// </summary>
public sealed class AdapterRegistry : IDisposable
{
    private readonly AdapterStore _store;
    private readonly AdapterGate _gate;
    private readonly TimeProvider _time;
    private readonly ILogger<AdapterRegistry> _logger;
    private readonly RegistryHistory _history;
    private readonly Lock _swapLock = new();
    private readonly List<AdapterRevision> _revisions;
    private AdapterHandle? _active;
    private volatile string? _lastError;
    private volatile bool _loading;

    public AdapterRegistry(AdapterStore store, AdapterGate gate, TimeProvider time, ILogger<AdapterRegistry> logger)
    {
        _store = store;
        _gate = gate;
        _time = time;
        _logger = logger;
        _history = new RegistryHistory(store.Root);
        _revisions = _history.Load();
    }

    /// <summary><c>id@version</c> of the active adapter, or null.</summary>
    public string? ActiveModel => Volatile.Read(ref _active)?.Name;

    public AdapterManifest? ActiveManifest => Volatile.Read(ref _active)?.Manifest;

    public string? LastError => _lastError;

    public AdapterState State => _loading ? AdapterState.Loading
        : Volatile.Read(ref _active) is not null ? AdapterState.Active
        : _lastError is not null ? AdapterState.Failed
        : AdapterState.None;

    public IReadOnlyList<AdapterRevision> History
    {
        get
        {
            lock (_swapLock)
            {
                return [.. _revisions];
            }
        }
    }

    public int? CurrentRevision => History.LastOrDefault(r => r.DeactivatedAt is null)?.Revision;

    /// <summary>A reference to the active adapter for one call, or null when none is active. Lock-free.</summary>
    public AdapterLease? TryAcquire()
    {
        while (true)
        {
            var handle = Volatile.Read(ref _active);
            if (handle is null)
            {
                return null;
            }

            if (handle.TryAcquire())
            {
                return new AdapterLease(handle);
            }

            // Retired between the read and the increment: a newer handle is already published.
        }
    }

    /// <summary>Runs one batch on the active adapter.</summary>
    public ModelAnswer Predict(IReadOnlyList<ModelInput> inputs)
    {
        using var lease = TryAcquire() ?? throw new ModelUnavailableException();
        return new ModelAnswer(lease.Handle.Classifier.Predict(inputs), lease.Handle.Name);
    }

    /// <summary>Gates and activates <paramref name="id"/>@<paramref name="version"/> as a new revision; throws <see cref="AdapterRejectedException"/> and keeps the current one if it fails.</summary>
    public AdapterRevision Activate(string id, string version, string? reason = null, string? actor = null, IReadOnlyList<GoldenCase>? regressionCases = null) =>
        Swap(id, version, AdapterRevision.KindActivate, reason, actor, regressionCases);

    /// <summary>Re-activates an earlier version of the active adapter line as a NEW revision (history is never rewritten).</summary>
    public AdapterRevision RollbackTo(string version, string? reason = null, string? actor = null)
    {
        var id = ActiveManifest?.Id ?? History.LastOrDefault()?.AdapterId ?? throw new InvalidOperationException("Nothing to roll back: no adapter was ever active.");
        return Swap(id, version, AdapterRevision.KindRollback, reason, actor, null);
    }

    internal AdapterRevision Bootstrap(string id, string version, string reason) =>
        Swap(id, version, AdapterRevision.KindBootstrap, reason, "system", null);

    /// <summary>Re-activates the revision that was active at the last shutdown, without a new revision. False if there is none or it fails the gate.</summary>
    public bool Restore()
    {
        lock (_swapLock)
        {
            var last = _revisions.LastOrDefault(r => r.DeactivatedAt is null);
            if (last is null)
            {
                return false;
            }

            try
            {
                _loading = true;
                var gated = _gate.Open(_store, last.AdapterId, last.Version);
                Publish(new AdapterHandle(gated.Manifest, gated.Classifier));
                ModelLog.Restored(_logger, last.Adapter, last.Revision);
                return true;
            }
            catch (AdapterRejectedException e)
            {
                _lastError = e.Message;
                ModelLog.RestoreFailed(_logger, last.Adapter, e.Message);
                return false;
            }
            finally
            {
                _loading = false;
            }
        }
    }

    private AdapterRevision Swap(string id, string version, string kind, string? reason, string? actor, IReadOnlyList<GoldenCase>? regressionCases)
    {
        lock (_swapLock)
        {
            var started = Stopwatch.GetTimestamp();
            GatedAdapter gated;
            try
            {
                _loading = true;
                gated = _gate.Open(_store, id, version, regressionCases);
            }
            catch (AdapterRejectedException e)
            {
                _lastError = e.Message;
                ModelLog.Rejected(_logger, e.Adapter, e.Reason.ToString(), ActiveModel ?? "nothing", e.Message);
                throw;
            }
            finally
            {
                _loading = false;
            }

            var now = _time.GetUtcNow();
            for (var i = 0; i < _revisions.Count; i++)
            {
                if (_revisions[i].DeactivatedAt is null)
                {
                    _revisions[i] = _revisions[i] with { DeactivatedAt = now };
                }
            }

            var revision = new AdapterRevision((_revisions.Count == 0 ? 0 : _revisions[^1].Revision) + 1, id, version, kind, now, null, reason, actor);
            _revisions.Add(revision);
            _history.Save(_revisions);
            Publish(new AdapterHandle(gated.Manifest, gated.Classifier));
            _lastError = null;
            ModelLog.Activated(_logger, revision.Adapter, revision.Revision, kind, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, reason);
            return revision;
        }
    }

    private void Publish(AdapterHandle handle)
    {
        var previous = Interlocked.Exchange(ref _active, handle);
        previous?.Release();
    }

    /// <summary>Drops the registry's reference; in-flight calls still finish before the session goes.</summary>
    public void Dispose() => Interlocked.Exchange(ref _active, null)?.Release();
}
