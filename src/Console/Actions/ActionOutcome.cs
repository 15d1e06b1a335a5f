namespace Mapper.Console.Actions;

public enum ActionStatus
{
    /// <summary>Done, audited, and in force.</summary>
    Applied,

    /// <summary>The actor's role does not allow it (audited as denied).</summary>
    Denied,

    /// <summary>Malformed or out of bounds: nothing was tried.</summary>
    Invalid,

    /// <summary>Someone else changed what is live since the caller loaded it.</summary>
    Stale,

    /// <summary>Tried and refused on its merits, e.g. the adapter gate said no (audited as refused).</summary>
    Refused,

    /// <summary>The store could not record it, so it was not applied.</summary>
    Failed,
}

/// <summary>What the executor did, in words a page can show, with the audit row and the epoch now live.</summary>
public sealed record ActionOutcome(ActionStatus Status, string Message, long? AuditId = null, long Epoch = 0)
{
    public bool Succeeded => Status == ActionStatus.Applied;

    /// <summary>Something to show once (a new token's secret), never stored or logged.</summary>
    public string? Secret { get; init; }

    /// <summary>An id the action created (token id, new adapter version).</summary>
    public string? Created { get; init; }
}

/// <summary>A handler's way of saying the command cannot go ahead; the executor turns it into an outcome.</summary>
public sealed class ActionRefusedException(ActionStatus status, string message, string? detail = null) : Exception(message)
{
    public ActionStatus Status { get; } = status;

    /// <summary>What to record in the audit row when the refusal is audited (the gate's verdict).</summary>
    public string? Detail { get; } = detail;

    public static ActionRefusedException Invalid(string message) => new(ActionStatus.Invalid, message);
}
