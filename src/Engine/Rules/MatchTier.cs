namespace Mapper.Engine.Rules;

/// <summary>
/// How a raw label was matched, strongest first. Each tier has one fixed confidence, and the
/// confidences fall strictly from tier to tier, so a higher confidence always means a firmer match.
/// </summary>
public enum MatchTier
{
    /// <summary>The raw label is a key of the detector's table, character for character.</summary>
    Exact,

    /// <summary>Equal to a key of the detector's table after case, separators, camelCase and noise tokens are normalised away.</summary>
    Normalised,

    /// <summary>A taxonomy alias or label name, or an error-style output (→ OTHER.ModelError).</summary>
    Alias,

    /// <summary>A key of other detectors' tables that all of them map to the same label.</summary>
    CrossDetector,

    /// <summary>A phrase of the project's lexicon (<c>lexicon.json</c>): how other products name the label.</summary>
    Lexicon,

    /// <summary>Best token overlap with a known key, polarity-safe, typo-tolerant.</summary>
    Token,

    /// <summary>Nothing matched: OTHER.Unknown, confidence 0.</summary>
    None,
}

public static class MatchTierConfidence
{
    /// <summary>The documented confidence of each tier (README "Rule tiers").</summary>
    public static double Of(MatchTier tier) => tier switch
    {
        MatchTier.Exact => 0.95,
        MatchTier.Normalised => 0.9,
        MatchTier.Alias => 0.8,
        MatchTier.CrossDetector => 0.7,
        MatchTier.Lexicon => 0.65,
        MatchTier.Token => 0.6,
        _ => 0.0,
    };

    /// <summary>The name used in decisions, notes and metrics.</summary>
    public static string Name(MatchTier tier) => tier switch
    {
        MatchTier.CrossDetector => "cross_detector",
        _ => tier.ToString().ToLowerInvariant(),
    };
}
