namespace Mapper.Console.Store;

/// <summary>
/// One change of an alert's state (pending, firing, resolved, suppressed, inactive), with the value and threshold
/// at that moment. The newest row per alert is its current state, so a restart resumes a firing alert.
/// </summary>
public sealed class AlertTransition
{
    public long Id { get; set; }

    public string Alert { get; set; } = "";

    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>When the state left behind began: its duration is <see cref="At"/> minus this.</summary>
    public DateTimeOffset FromSince { get; set; }

    public double? Value { get; set; }

    public double Threshold { get; set; }

    public string Severity { get; set; } = "";

    /// <summary>Why, in a few words: "no data", "expected: rules-only since 14:02 by alice", "during the schema-invalid drill".</summary>
    public string? Note { get; set; }
}
