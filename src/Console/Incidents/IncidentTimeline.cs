using Mapper.Console.Actions;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Incidents;

/// <summary>
/// Projects an incident's timeline from what the store already holds, at the moment it is asked, so it can never
/// disagree with its sources: over the window (started → resolved, or now) every audit row (incident rows only for
/// this incident) and every critical alert transition; regardless of the window, audit rows carrying this incident's
/// id or naming it, the transitions of linked alerts from when their condition began, the incident's escalations and its notes.
/// Applied audit rows that made a note or an escalation are shown as that note or escalation, once.
/// </summary>
public sealed class IncidentTimeline(IDbContextFactory<MapperDbContext> store, SliReadings readings, TimeProvider time)
{
    /// <summary>A timeline shows at most this many audit rows and transitions each (the newest are cut, and say so).</summary>
    public const int MaxRows = 5000;

    public async Task<IncidentTimelineView?> BuildAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        if (await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } incident)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var (start, end) = (incident.StartedAt, incident.ResolvedAt ?? now);
        var links = await db.IncidentAlerts.AsNoTracking().Where(a => a.IncidentId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var notes = await db.IncidentNotes.AsNoTracking().Include(n => n.Revisions).Where(n => n.IncidentId == id).ToListAsync(cancellationToken);
        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => e.IncidentId == id || (e.IncidentId == null && e.At >= start && e.At <= end)).ToListAsync(cancellationToken);
        var target = IncidentTargets.Incident(id);

        // A denied or refused incident command never reached its plan, so its row names the incident by target only.
        var audit = await db.Audit.AsNoTracking()
            .Where(e => e.IncidentId == id || e.Target == target || (e.OccurredAt >= start && e.OccurredAt <= end && !e.Action.StartsWith(IncidentTargets.Prefix)))
            .OrderBy(e => e.Id).Take(MaxRows).ToListAsync(cancellationToken);
        var names = links.Select(l => l.Alert).ToList();
        var linkedFrom = links.Count == 0 ? start : links.Min(l => l.Since);
        var transitions = (await db.AlertTransitions.AsNoTracking()
            .Where(t => (t.At >= start && t.At <= end && t.Severity == Escalator.Critical) || (names.Contains(t.Alert) && t.At >= linkedFrom && t.At <= end))
            .OrderBy(t => t.Id).Take(MaxRows).ToListAsync(cancellationToken))
            .Where(t => (t.At >= start && t.Severity == Escalator.Critical) || links.Any(l => l.Alert == t.Alert && t.At >= l.Since)).ToList();

        var events = new List<TimelineEvent>();
        events.AddRange(audit.Where(e => !(e.Result == "applied" && IncidentTargets.ShownAsTheirRecord.Contains(e.Action))).Select(TimelineEvents.FromAudit));
        var occurred = notes.Select(n => n.Revisions.MaxBy(r => r.Revision)!.OccurredAt).Concat(events.Select(e => e.OccurredAt)).Append(start).ToList();
        var chartFrom = Min(start, occurred.Min(), transitions.Count == 0 ? start : transitions.Min(t => t.At));
        var series = await readings.LoadAsync(chartFrom, end, cancellationToken);
        events.AddRange(transitions.Select(t => TimelineEvents.FromTransition(t, series.Nearest(t.At))));
        events.AddRange(notes.Select(n => TimelineEvents.FromNote(n, series)));
        events.AddRange(escalations.Select(e => TimelineEvents.FromEscalation(e, series.Nearest(e.At))));
        var ordered = events.OrderBy(e => e.OccurredAt).ThenBy(e => e.RecordedAt).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();

        var summary = IncidentSummary.From(incident, links.Select(l => l.Alert));
        var from = Min(chartFrom, ordered.Count == 0 ? start : ordered[0].OccurredAt);
        return new IncidentTimelineView(summary, start, end, ordered, SliReadings.ForChart(series, from, end), links);
    }

    private static DateTimeOffset Min(params DateTimeOffset[] values) => values.Min();
}
