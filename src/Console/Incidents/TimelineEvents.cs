using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Console.Store;

namespace Mapper.Console.Incidents;

/// <summary>One timeline event from each kind of record, with its SLI snapshot.</summary>
public static class TimelineEvents
{
    public static TimelineEvent FromAudit(AuditEntry e) => new(
        "audit:" + N(e.Id), KindOf(e.Action), e.OccurredAt, e.RecordedAt, $"{e.Action} on {e.Target}",
        $"{e.Actor} ({e.Role}, {e.Door})", e.OldValue, e.NewValue, e.Reason, e.Result, e.Detail,
        new SliReading(e.OccurredAt, "audit row " + N(e.Id), e.SchemaValidPercent, e.FallbackPercent, e.P95LatencySeconds, e.Http5xxPercent));

    public static TimelineEvent FromTransition(AlertTransition t, SliReading? slis) => new(
        "alert:" + N(t.Id), TimelineKind.Alert, t.At, t.At, $"{t.Alert} {t.From} → {t.To}", null, t.From, t.To, null, t.Severity,
        $"value {(t.Value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "no data")}, threshold {t.Threshold.ToString("0.###", CultureInfo.InvariantCulture)}" + (t.Note is { } n ? $"; {n}" : ""),
        slis);

    public static TimelineEvent FromNote(IncidentNote note, SliReadings.Series series)
    {
        var revisions = note.Revisions.OrderBy(r => r.Revision).Select(r => new NoteRevisionView(r.Revision, r.Text, r.OccurredAt, r.By, r.At)).ToList();
        var current = revisions[^1];
        var edited = revisions.Count > 1 ? $"edited {revisions.Count - 1} time{(revisions.Count == 2 ? "" : "s")}, last by {current.By} at {IncidentRules.Utc(current.At)}" : null;
        return new TimelineEvent(
            "note:" + N(note.Id), TimelineKind.Note, current.OccurredAt, note.RecordedAt, current.Text, note.Author, null, null, null, null, edited, series.Nearest(current.OccurredAt))
        {
            Revisions = revisions,
            NoteId = note.Id,
            FollowUp = note.FollowUp,
        };
    }

    public static TimelineEvent FromEscalation(Escalation e, SliReading? slis)
    {
        var title = e.Alert is { } alert
            ? $"{alert} escalated to the secondary on-call (firing since {(e.FiringSince is { } f ? IncidentRules.Utc(f) : "?")})"
            : $"secondary on-call paged by {e.RequestedBy}";
        var outcome = EscalationActions.Describe(e.Outcome, e.Attempts, e.LastError);
        return new TimelineEvent(
            "escalation:" + N(e.Id), TimelineKind.Escalation, e.At, e.At, title, e.RequestedBy, null, outcome, e.Reason, e.Outcome,
            e.CompletedAt is { } done && e.Outcome != Escalation.NotConfigured ? $"{outcome} at {IncidentRules.Utc(done)}" : outcome, slis);
    }

    public static TimelineKind KindOf(string action) => action switch
    {
        PinPlaygroundRun.ActionName => TimelineKind.Pin,
        _ when action.StartsWith(IncidentTargets.Prefix, StringComparison.Ordinal) => TimelineKind.Incident,
        _ when action.StartsWith("runbooks.", StringComparison.Ordinal) => TimelineKind.Runbook,
        _ when action.StartsWith("drills.", StringComparison.Ordinal) => TimelineKind.Drill,
        _ when action.StartsWith("playground.", StringComparison.Ordinal) => TimelineKind.Playground,
        _ => TimelineKind.Action,
    };

    private static string N(long id) => id.ToString(CultureInfo.InvariantCulture);
}
