namespace Mapper.Console.Store;

/// <summary>
/// An incident as it stands now: title, severity, status, commander and its times. Only the executor writes it, in the
/// same transaction as the audit row of the change, so the audit log holds its whole history and this row its state.
/// The timeline is never stored here: it is projected from the audit log, alert transitions, notes and escalations.
/// </summary>
public sealed class Incident
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    /// <summary><c>critical</c> or <c>warning</c>.</summary>
    public string Severity { get; set; } = "";

    /// <summary><c>investigating</c>, <c>mitigated</c> or <c>resolved</c>.</summary>
    public string Status { get; set; } = "";

    public string? Summary { get; set; }

    /// <summary>The account leading the response; null when the system opened it and nobody has taken it yet.</summary>
    public string? Commander { get; set; }

    public string OpenedBy { get; set; } = "";

    /// <summary>When the impact began (the linked alert's condition, or when it was opened by hand).</summary>
    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? MitigatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}
