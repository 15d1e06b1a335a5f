namespace Mapper.Console.Monitoring.Alerts;

public enum AlertState
{
    Inactive,
    Pending,
    Firing,

    /// <summary>Was firing; the condition cleared.</summary>
    Resolved,

    /// <summary>The condition holds by an operator's choice (rules-only): shown as expected, never paged.</summary>
    Suppressed,
}

/// <summary>
/// An alert now: its state since when, the value it read, and what it compares against. <see cref="Restored"/> marks a
/// state carried over from before a restart that has not seen data since (a firing alert then holds on no data).
/// </summary>
public sealed record AlertStatus(
    AlertDefinition Definition,
    AlertState State,
    DateTimeOffset Since,
    double? Value,
    DateTimeOffset EvaluatedAt,
    string? Note,
    DateTimeOffset? PendingSince,
    DateTimeOffset? FiringSince,
    bool Restored = false)
{
    public string Name => Definition.Name;

    public string StateName => State.ToString().ToLowerInvariant();

    public string ValueText => Value is { } v ? AlertDefinition.Number(v) + Definition.Unit : "no data";

    public string RunbookLink => "/runbooks/" + Definition.Runbook;
}
