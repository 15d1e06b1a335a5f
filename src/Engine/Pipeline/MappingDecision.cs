using Mapper.Engine.Rules;

namespace Mapper.Engine.Pipeline;

/// <summary>
/// How a request was answered: metadata only, never the raw output or any user text. This is what
/// metrics, SLI windows, the recent-decisions ring, the playground and audit rows are made from.
/// </summary>
public sealed record MappingDecision
{
    /// <summary>The canonical detector name, or the name as sent (compacted) when the detector is unknown.</summary>
    public required string Detector { get; init; }

    public required bool DetectorKnown { get; init; }

    /// <summary><c>model</c> or <c>rules</c>.</summary>
    public required string Route { get; init; }

    public FallbackReason? FallbackReason { get; init; }

    /// <summary>The weakest rule tier used, when the rules answered.</summary>
    public MatchTier? RuleTier { get; init; }

    /// <summary>The model's confidence, when the model was asked and answered.</summary>
    public double? ModelConfidence { get; init; }

    /// <summary>
    /// The model's own labels, when it answered: taken before validation and the threshold, so a fallback still
    /// shows what the model would have said (the playground shows it beside the rules' answer).
    /// </summary>
    public IReadOnlyList<string>? ModelLabels { get; init; }

    /// <summary>Whether the model's answer passed validation; null when the model gave no answer.</summary>
    public bool? ModelOutputValid { get; init; }

    public required double Threshold { get; init; }

    public required IReadOnlyList<string> Labels { get; init; }

    public required double Confidence { get; init; }

    public required string Model { get; init; }

    /// <summary>Validation errors of the model's answer, if it was refused for them.</summary>
    public IReadOnlyList<string> ValidationErrors { get; init; } = [];

    public required TimeSpan Duration { get; init; }

    public TimeSpan? ModelDuration { get; init; }

    public required DateTimeOffset At { get; init; }

    public bool IsFallback => FallbackReason is not null;
}

/// <summary>The event returned to the client and the decision behind it.</summary>
public sealed record MappingOutcome(CanonicalEvent Event, MappingDecision Decision);
