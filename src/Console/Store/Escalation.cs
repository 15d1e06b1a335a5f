namespace Mapper.Console.Store;

/// <summary>
/// One page of the secondary on-call: for a critical alert's firing (at most one per <see cref="Alert"/> and
/// <see cref="FiringSince"/>), or by hand. The webhook's outcome is recorded on it when delivery ends.
/// </summary>
public sealed class Escalation
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string NotConfigured = "not_configured";

    public long Id { get; set; }

    public long? IncidentId { get; set; }

    /// <summary>The alert that escalated; null for a page by hand.</summary>
    public string? Alert { get; set; }

    public DateTimeOffset? FiringSince { get; set; }

    public DateTimeOffset At { get; set; }

    public string RequestedBy { get; set; } = "";

    /// <summary>The page's message: why it escalated (the audit row's reason).</summary>
    public string Reason { get; set; } = "";

    /// <summary><see cref="Pending"/>, <see cref="Delivered"/>, <see cref="Failed"/> or <see cref="NotConfigured"/>.</summary>
    public string Outcome { get; set; } = Pending;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
