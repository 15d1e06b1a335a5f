using System.Globalization;
using Mapper.Console.Monitoring;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Console.Store;
using Mapper.Engine;
using Mapper.Engine.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Incidents;

/// <summary>A post-mortem ready to download.</summary>
public sealed record PostMortem(string FileName, string Markdown);

/// <summary>
/// The read side of incidents for the pages, the admin API and the hooks of other features: lists, one incident's
/// timeline, its chart and its post-mortem, the alerts that can be linked, and the accounts that can lead. Changes go
/// through the executor's incident commands.
/// </summary>
public sealed class IncidentsService(
    IDbContextFactory<MapperDbContext> store, IncidentTimeline timeline, AlertEvaluator alerts, SloOptions slo, EngineOptions engine, TimeProvider time)
{
    public const int DefaultRecent = 20;

    public SloTargets Targets { get; } = SloTargets.From(slo, engine.Profile);

    /// <summary>Open incidents (newest start first), then up to <paramref name="recent"/> resolved ones (newest first).</summary>
    public async Task<IReadOnlyList<IncidentSummary>> ListAsync(int recent, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var open = await db.Incidents.AsNoTracking().Where(i => i.Status != IncidentRules.Resolved).OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id).ToListAsync(cancellationToken);
        var resolved = await db.Incidents.AsNoTracking().Where(i => i.Status == IncidentRules.Resolved).OrderByDescending(i => i.ResolvedAt).ThenByDescending(i => i.Id)
            .Take(Math.Clamp(recent, 0, 500)).ToListAsync(cancellationToken);
        var all = open.Concat(resolved).ToList();
        var ids = all.Select(i => i.Id).ToList();
        var links = (await db.IncidentAlerts.AsNoTracking().Where(a => ids.Contains(a.IncidentId)).OrderBy(a => a.Id).ToListAsync(cancellationToken)).ToLookup(a => a.IncidentId, a => a.Alert);
        return [.. all.Select(i => IncidentSummary.From(i, links[i.Id]))];
    }

    /// <summary>The open incidents, newest first: what a runbook's or the playground's incident picker offers.</summary>
    public async Task<IReadOnlyList<IncidentSummary>> OpenAsync(CancellationToken cancellationToken) =>
        [.. (await ListAsync(0, cancellationToken)).Where(i => i.IsOpen)];

    public Task<IncidentTimelineView?> TimelineAsync(long id, CancellationToken cancellationToken) => timeline.BuildAsync(id, cancellationToken);

    public string Chart(IncidentTimelineView view) =>
        SliChartSvg.Render(view.Chart, view.Events, view.Chart.Count == 0 ? view.WindowStart : Earliest(view.Chart[0].At, view.WindowStart), view.WindowEnd, Targets);

    public async Task<PostMortem?> ExportAsync(long id, CancellationToken cancellationToken)
    {
        if (await timeline.BuildAsync(id, cancellationToken) is not { } view)
        {
            return null;
        }

        var name = $"incident-{id.ToString(CultureInfo.InvariantCulture)}-post-mortem.md";
        return new PostMortem(name, PostMortemWriter.Write(view, Targets, time.GetUtcNow()));
    }

    /// <summary>Alerts firing or pending now: what an incident can be opened from, or link.</summary>
    public IReadOnlyList<AlertStatus> ActiveAlerts => [.. alerts.Current.Where(a => a.State is AlertState.Firing or AlertState.Pending)];

    public IReadOnlyList<string> AlertNames => [.. alerts.Definitions.Select(d => d.Name)];

    /// <summary>Active accounts, by name: who can be made commander.</summary>
    public async Task<IReadOnlyList<string>> AccountsAsync(CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => !u.Disabled && u.UserName != null).OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(cancellationToken);
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
