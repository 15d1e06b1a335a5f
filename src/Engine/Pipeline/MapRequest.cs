namespace Mapper.Engine.Pipeline;

/// <summary>One detector output to map, whichever request shape it came in.</summary>
public sealed record MapRequest(string Detector, string Output, string? TenantId = null, PolicyContext? PolicyContext = null);

/// <summary>
/// Per-call overrides. The playground uses them to ask "what if" without touching the controls in
/// force, and to keep its traffic out of the SLIs.
/// </summary>
public sealed record MapOptions
{
    public static readonly MapOptions Default = new();

    /// <summary>Answer in this mode instead of the one in force.</summary>
    public Controls.MappingMode? ModeOverride { get; init; }

    /// <summary>Use this confidence threshold instead of the one in force.</summary>
    public double? ThresholdOverride { get; init; }

    /// <summary>False for playground and quality runs: the decision is not recorded in metrics or SLI windows.</summary>
    public bool RecordInSlis { get; init; } = true;
}
