using Mapper.Console.Store;

namespace Mapper.Console.Incidents;

/// <summary>An incident as lists and headers show it, with its durations computed.</summary>
public sealed record IncidentSummary(
    long Id, string Title, string Severity, string Status, string? Commander, string OpenedBy, string? Summary,
    DateTimeOffset StartedAt, DateTimeOffset OpenedAt, DateTimeOffset? MitigatedAt, DateTimeOffset? ResolvedAt, IReadOnlyList<string> Alerts)
{
    public bool IsOpen => IncidentRules.IsOpen(Status);

    public TimeSpan? TimeToMitigate => MitigatedAt - StartedAt;

    public TimeSpan? TimeToResolve => ResolvedAt - StartedAt;

    /// <summary>The incident's window ends when it resolved, else now.</summary>
    public DateTimeOffset End(DateTimeOffset now) => ResolvedAt ?? now;

    public static IncidentSummary From(Incident i, IEnumerable<string> alerts) => new(
        i.Id, i.Title, i.Severity, i.Status, i.Commander, i.OpenedBy, i.Summary, i.StartedAt, i.OpenedAt, i.MitigatedAt, i.ResolvedAt, [.. alerts]);

    /// <summary>A duration as people say it: <c>45 s</c>, <c>12 min</c>, <c>2 h 05 min</c>, <c>3 d 4 h</c>.</summary>
    public static string Span(TimeSpan? span) => span switch
    {
        null => "—",
        { TotalMinutes: < 1 } s => $"{Math.Max(0, s.TotalSeconds):0} s",
        { TotalHours: < 1 } s => $"{Math.Floor(s.TotalMinutes):0} min",
        { TotalDays: < 1 } s => $"{Math.Floor(s.TotalHours):0} h {s.Minutes:00} min",
        { } s => $"{Math.Floor(s.TotalDays):0} d {s.Hours} h",
    };
}

/// <summary>What a timeline event is; the filter on the page and the post-mortem's sections use these.</summary>
public enum TimelineKind
{
    Alert,
    Incident,
    Action,
    Runbook,
    Drill,
    Playground,
    Pin,
    Escalation,
    Note,
}

/// <summary>The four SLIs at an event, and where they were read: the event's own audit row, or the nearest stored reading.</summary>
public sealed record SliReading(DateTimeOffset At, string Source, double? SchemaValidPercent, double? FallbackPercent, double? P95LatencySeconds, double? Http5xxPercent);

/// <summary>One version of a note, oldest first in <see cref="TimelineEvent.Revisions"/>.</summary>
public sealed record NoteRevisionView(int Revision, string Text, DateTimeOffset OccurredAt, string By, DateTimeOffset At);

/// <summary>
/// One event of an incident's timeline, projected from the record that holds it (<see cref="Key"/> names it:
/// <c>audit:12</c>, <c>alert:34</c>, <c>note:5</c>, <c>escalation:2</c>); nothing here is stored twice.
/// </summary>
public sealed record TimelineEvent(
    string Key, TimelineKind Kind, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Title,
    string? Actor, string? From, string? To, string? Reason, string? Result, string? Detail, SliReading? Slis)
{
    public IReadOnlyList<NoteRevisionView> Revisions { get; init; } = [];

    public long? NoteId { get; init; }

    public bool FollowUp { get; init; }

    public string KindName => Kind.ToString().ToLowerInvariant();

    /// <summary>Written later than it happened (a backfilled note).</summary>
    public bool Backfilled => RecordedAt - OccurredAt > TimeSpan.FromMinutes(1);
}

/// <summary>Everything an incident page or post-mortem shows: the incident, its window, its timeline and the SLIs across it.</summary>
public sealed record IncidentTimelineView(
    IncidentSummary Incident,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<Monitoring.HistoryPoint> Chart,
    IReadOnlyList<IncidentAlert> Links)
{
    public IEnumerable<TimelineEvent> OfKind(TimelineKind? kind) => kind is { } k ? Events.Where(e => e.Kind == k) : Events;
}
