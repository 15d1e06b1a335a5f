using System.Globalization;
using Mapper.Console.Identity;

namespace Mapper.Console.Actions;

// Incidents (operator). The audit row of each names the incident ("incident:N") and carries its id.

/// <summary>Open an incident by hand, or from an alert (linked at once); the opener is its commander.</summary>
public sealed record OpenIncident(string Title, string Severity, string? Summary = null, string? Alert = null, DateTimeOffset? StartedAt = null) : OperatorCommand
{
    public override string Action => "incidents.open";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => "incident";

    public override bool NeedsReason => false;
}

/// <summary>Link an alert to an open incident: its transitions join the timeline.</summary>
public sealed record LinkAlert(long Incident, string Alert) : OperatorCommand
{
    public override string Action => "incidents.link_alert";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => IncidentTargets.Incident(Incident);

    public override bool NeedsReason => false;
}

/// <summary>investigating, mitigated or resolved; the times follow (reopening clears them). Needs a reason.</summary>
public sealed record SetIncidentStatus(long Incident, string Status) : OperatorCommand
{
    public override string Action => "incidents.status";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => IncidentTargets.Incident(Incident);
}

/// <summary>critical or warning. Needs a reason.</summary>
public sealed record SetIncidentSeverity(long Incident, string Severity) : OperatorCommand
{
    public override string Action => "incidents.severity";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => IncidentTargets.Incident(Incident);
}

/// <summary>Hand the incident to another (active) account.</summary>
public sealed record SetCommander(long Incident, string Commander) : OperatorCommand
{
    public override string Action => "incidents.commander";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => IncidentTargets.Incident(Incident);

    public override bool NeedsReason => false;
}

/// <summary>A new title and/or summary (null leaves it as it is).</summary>
public sealed record EditIncident(long Incident, string? Title, string? Summary) : OperatorCommand
{
    public override string Action => "incidents.edit";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => IncidentTargets.Incident(Incident);

    public override bool NeedsReason => false;
}

/// <summary>A note that says what happened at <see cref="OccurredAt"/> (default now; earlier for what was learned late).</summary>
public sealed record AddNote(long Incident, string Text, DateTimeOffset? OccurredAt = null, bool FollowUp = false) : OperatorCommand
{
    public override string Action => IncidentTargets.NoteAdd;

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => IncidentTargets.Incident(Incident);

    public override bool NeedsReason => false;
}

/// <summary>A new revision of a note (text and/or occurred at); the earlier ones are kept.</summary>
public sealed record EditNote(long Incident, long Note, string Text, DateTimeOffset? OccurredAt = null) : OperatorCommand
{
    public override string Action => IncidentTargets.NoteEdit;

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => IncidentTargets.Incident(Incident);

    public override bool NeedsReason => false;
}

/// <summary>Pin a playground run (its audit row, <c>playground.run</c>) to an incident's timeline.</summary>
public sealed record PinPlaygroundRun(long Incident, long AuditId) : OperatorCommand
{
    public const string ActionName = "incidents.pin";

    public override string Action => ActionName;

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => IncidentTargets.Incident(Incident);

    public override bool NeedsReason => false;
}

/// <summary>Page the secondary on-call now (the runbooks' <c>page-secondary</c>), for an incident or none. Needs a reason: it is the page's message.</summary>
public sealed record PageSecondary(long? Incident = null) : OperatorCommand
{
    public override string Action => IncidentTargets.Page;

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => Incident is { } id ? IncidentTargets.Incident(id) : "escalation";
}

/// <summary>The system's escalation of a critical alert that fired longer than Escalation:Delay (once per firing).</summary>
public sealed record EscalateAlert(string Alert, DateTimeOffset FiringSince, long? Incident) : OperatorCommand
{
    public override string Action => IncidentTargets.Escalate;

    public override ConsoleRole RequiredRole => ConsoleRole.Admin;

    public override string Target => "alert:" + Alert;
}

/// <summary>The system records how the webhook delivery of an escalation ended.</summary>
public sealed record RecordEscalationDelivery(long Escalation, string Outcome, int Attempts, string? LastError) : OperatorCommand
{
    public override string Action => IncidentTargets.Delivery;

    public override ConsoleRole RequiredRole => ConsoleRole.Admin;

    public override string Target => "escalation:" + Escalation.ToString(CultureInfo.InvariantCulture);

    public override bool NeedsReason => false;
}

/// <summary>Audit names of incident rows, written and read (by the timeline) in one place.</summary>
public static class IncidentTargets
{
    public const string Prefix = "incidents.";
    public const string NoteAdd = "incidents.note_add";
    public const string NoteEdit = "incidents.note_edit";
    public const string Page = "incidents.page";
    public const string Escalate = "incidents.escalate";
    public const string Delivery = "incidents.escalation_delivery";

    /// <summary>Applied rows of these actions are shown on the timeline as the note or escalation they made, not twice.</summary>
    public static readonly IReadOnlySet<string> ShownAsTheirRecord = new HashSet<string>(StringComparer.Ordinal) { NoteAdd, NoteEdit, Page, Escalate, Delivery };

    public static string Incident(long id) => "incident:" + id.ToString(CultureInfo.InvariantCulture);

    public static string AuditRow(long id) => "audit row " + id.ToString(CultureInfo.InvariantCulture);
}
