using System.Globalization;
using System.Text.Json;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Rules;

namespace Mapper.Console.Playground;

/// <summary>Per-run "what if"s that change nothing live: answer as rules-only, or with another threshold.</summary>
public sealed record PlaygroundOverrides(bool RulesOnly = false, double? Threshold = null)
{
    public static readonly PlaygroundOverrides None = new();

    public MapOptions ToMapOptions() => new()
    {
        ModeOverride = RulesOnly ? Engine.Controls.MappingMode.RulesOnly : null,
        ThresholdOverride = Threshold,
        RecordInSlis = false,
    };

    /// <summary><c>none</c>, <c>rules only</c>, <c>threshold 0.80</c>, or both.</summary>
    public string Text
    {
        get
        {
            var parts = new List<string>(2);
            if (RulesOnly)
            {
                parts.Add("rules only");
            }

            if (Threshold is { } t)
            {
                parts.Add("threshold " + t.ToString("0.00", CultureInfo.InvariantCulture));
            }

            return parts.Count == 0 ? "none" : string.Join(", ", parts);
        }
    }
}

/// <summary>
/// One playground run as the page shows it: the answer exactly as the API would give it (the canonical event in
/// the API's JSON, indented), and the decision behind it (route, fallback reason, the model's own answer, the
/// threshold, the rule tier, validation errors, timings). <see cref="Request"/> is kept for "save as regression case".
/// </summary>
public sealed record PlaygroundRun(MapRequest Request, MappingOutcome Outcome, PlaygroundOverrides Overrides, long? AuditId)
{
    private static readonly JsonSerializerOptions Indented = new(Engine.Validation.EventJson.Options) { WriteIndented = true };

    public MappingDecision Decision => Outcome.Decision;

    public string EventJson { get; } = JsonSerializer.Serialize(Outcome.Event, Indented);

    public string Route => Decision.Route;

    public string? FallbackReason => Decision.FallbackReason is { } r ? FallbackReasons.Name(r) : null;

    public string? RuleTier => Decision.RuleTier is { } t ? MatchTierConfidence.Name(t) : null;

    public double TotalMilliseconds => Decision.Duration.TotalMilliseconds;

    public double? ModelMilliseconds => Decision.ModelDuration?.TotalMilliseconds;
}

/// <summary>A run, or why there is none (bad input, the role, the store, a saturated model).</summary>
public sealed record PlaygroundAnswer(PlaygroundRun? Run, string? Problem)
{
    public static PlaygroundAnswer Refused(string problem) => new(null, problem);
}
