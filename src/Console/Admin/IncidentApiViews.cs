using Mapper.Console.Incidents;

namespace Mapper.Console.Admin;

// Bodies and views of /api/v1/incidents (snake_case, unknown fields refused like every admin body).

public sealed record OpenIncidentBody(string Title, string Severity, string? Summary = null, string? Alert = null, DateTimeOffset? StartedAt = null, string? Reason = null);

public sealed record IncidentStatusBody(string Status, string? Reason = null);

public sealed record IncidentSeverityBody(string Severity, string? Reason = null);

public sealed record CommanderBody(string Commander, string? Reason = null);

public sealed record EditIncidentBody(string? Title = null, string? Summary = null, string? Reason = null);

public sealed record LinkAlertBody(string Alert, string? Reason = null);

public sealed record NoteBody(string Text, DateTimeOffset? OccurredAt = null, bool FollowUp = false);

public sealed record EditNoteBody(string Text, DateTimeOffset? OccurredAt = null);

public sealed record PinBody(long AuditId, string? Reason = null);

public sealed record PageBody(string? Reason = null, long? IncidentId = null);

public sealed record IncidentView(
    long Id, string Title, string Severity, string Status, string? Commander, string OpenedBy, string? Summary, DateTimeOffset StartedAt, DateTimeOffset OpenedAt,
    DateTimeOffset? MitigatedAt, DateTimeOffset? ResolvedAt, double? TimeToMitigateSeconds, double? TimeToResolveSeconds, IReadOnlyList<string> Alerts)
{
    public static IncidentView From(IncidentSummary i) => new(
        i.Id, i.Title, i.Severity, i.Status, i.Commander, i.OpenedBy, i.Summary, i.StartedAt, i.OpenedAt, i.MitigatedAt, i.ResolvedAt,
        i.TimeToMitigate?.TotalSeconds, i.TimeToResolve?.TotalSeconds, i.Alerts);
}

public sealed record SliReadingView(DateTimeOffset At, string Source, double? SchemaValidPercent, double? FallbackPercent, double? P95LatencySeconds, double? Http5xxPercent);

public sealed record TimelineEventView(
    string Key, string Kind, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Title, string? Actor, string? From, string? To, string? Reason, string? Result,
    string? Detail, bool FollowUp, SliReadingView? Slis, IReadOnlyList<NoteRevisionView> Revisions)
{
    public static TimelineEventView Of(TimelineEvent e) => new(
        e.Key, e.KindName, e.OccurredAt, e.RecordedAt, e.Title, e.Actor, e.From, e.To, e.Reason, e.Result, e.Detail, e.FollowUp,
        e.Slis is { } s ? new SliReadingView(s.At, s.Source, s.SchemaValidPercent, s.FallbackPercent, s.P95LatencySeconds, s.Http5xxPercent) : null, e.Revisions);
}

public sealed record IncidentTimelineApiView(IncidentView Incident, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, IReadOnlyList<TimelineEventView> Events);
