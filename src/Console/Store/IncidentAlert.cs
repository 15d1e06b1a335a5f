namespace Mapper.Console.Store;

/// <summary>An alert linked to an incident: its transitions from <see cref="Since"/> on belong to the incident's timeline.</summary>
public sealed class IncidentAlert
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    public string Alert { get; set; } = "";

    public string Severity { get; set; } = "";

    /// <summary>When the alert's condition began (pending, else firing) as it stood when linked; the link time if it was not firing.</summary>
    public DateTimeOffset Since { get; set; }

    public DateTimeOffset LinkedAt { get; set; }

    public string LinkedBy { get; set; } = "";
}
