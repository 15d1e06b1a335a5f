namespace Mapper.Console.Store;

/// <summary>
/// One row of the append-only, hash-chained audit log: who did what through which door, from which value
/// to which, why, with what result, and the SLIs at that moment. Metadata only: the reason is the one free
/// text a person writes; raw detector output never appears here. A row that changed what is live carries
/// the whole live state after it (<see cref="Live"/>), so "what was live at T" and the state a restart
/// resumes are read from the log itself.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string Actor { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>page, runbook, api, cli or system.</summary>
    public string Door { get; set; } = "";

    /// <summary>e.g. <c>controls.kill_switch</c>, <c>adapters.rollback</c>, <c>users.add</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What the action acted on: <c>mode</c>, <c>threshold</c>, <c>threshold:presidio</c>, <c>adapter</c>, <c>user:alice</c>.</summary>
    public string Target { get; set; } = "";

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public string? Reason { get; set; }

    /// <summary>applied, denied (role), or refused (e.g. the adapter gate said no).</summary>
    public string Result { get; set; } = "";

    /// <summary>Why a refusal happened, or what an applied action produced (metadata only).</summary>
    public string? Detail { get; set; }

    public string? RequestId { get; set; }

    public long? IncidentId { get; set; }

    /// <summary>The controls epoch after this row.</summary>
    public long Epoch { get; set; }

    /// <summary>The live state after this row (JSON of <see cref="Actions.LiveState"/>), when the row changed it.</summary>
    public string? Live { get; set; }

    public double? SchemaValidPercent { get; set; }

    public double? FallbackPercent { get; set; }

    public double? P95LatencySeconds { get; set; }

    public double? Http5xxPercent { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
