using Mapper.Console.Actions;
using Mapper.Engine.Data;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;

namespace Mapper.Console.Adapters;

/// <summary>One stored version and what may be done with it.</summary>
public sealed record AdapterRow(AdapterManifest Manifest, bool Live, bool ServedBefore, bool CanRollBack)
{
    public string Name => Manifest.Name;
}

/// <summary>Everything the adapters page renders: what serves, the stored versions (newest first), the activation history (newest first).</summary>
public sealed record AdaptersView(
    bool ModelEnabled, string? Live, int Revision, string State, string? LastError,
    IReadOnlyList<AdapterRow> Versions, IReadOnlyList<AdapterServed> History, IReadOnlyList<string> Unreadable, long Epoch)
{
    public AdapterManifest? LiveManifest => Versions.FirstOrDefault(v => v.Live)?.Manifest;
}

/// <summary>
/// The adapters page's one service. It reads what <c>GET /api/v1/adapters</c> reads (the store, the registry, the
/// audit log's activation history, the live record); the model path may be off (<c>Model:Enabled=false</c>), and
/// then there is nothing to list and nothing to train.
/// </summary>
public sealed class AdapterCatalog(IServiceProvider services, LiveRecord live, AuditQueries audit, EngineDataProvider data)
{
    public bool ModelEnabled => services.GetService<AdapterStore>() is not null;

    /// <summary>The current or last training run; re-read on every sample while a page shows it.</summary>
    public TrainingStatus? Training => services.GetService<TrainingJobs>()?.Current;

    public async Task<AdaptersView> LoadAsync(CancellationToken cancellationToken)
    {
        var store = services.GetService<AdapterStore>();
        var registry = services.GetService<AdapterRegistry>();
        var history = await audit.AdapterHistoryAsync(cancellationToken);
        var current = live.Current.Controls;
        var activeId = current.ActiveAdapter is { } a ? a[..a.LastIndexOf('@')] : null;
        var served = history.Select(h => h.Adapter).ToHashSet(StringComparer.Ordinal);
        var versions = (store?.List() ?? []).Reverse().Select(m =>
        {
            var isLive = m.Name == current.ActiveAdapter;
            var before = served.Contains(m.Name);
            return new AdapterRow(m, isLive, before, before && !isLive && m.Id == activeId);
        }).ToList();
        return new AdaptersView(
            store is not null, current.ActiveAdapter, current.AdapterRevision, (registry?.State ?? AdapterState.None).ToString().ToLowerInvariant(), registry?.LastError,
            versions, [.. history.Reverse()], store?.Unreadable() ?? [], current.Epoch);
    }

    public AdapterDiff Diff(AdapterManifest liveManifest, AdapterManifest other) => AdapterDiff.Between(liveManifest, other, data.Current.Data.Taxonomy);
}
