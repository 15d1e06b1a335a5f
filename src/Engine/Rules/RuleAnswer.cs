namespace Mapper.Engine.Rules;

/// <summary>How one label of a (possibly pipe-joined) output was matched. Holds no raw text.</summary>
public sealed record RuleMatch(string Label, MatchTier Tier, double Confidence);

/// <summary>The rule mapper's answer for a whole output: distinct labels in order, one score each.</summary>
public sealed record RuleAnswer(
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<string, double> Scores,
    double Confidence,
    IReadOnlyList<RuleMatch> Parts)
{
    /// <summary>The weakest tier any part needed: the one to show as "the rule tier that matched".</summary>
    public MatchTier Tier => Parts.Count == 0 ? MatchTier.None : Parts.Max(p => p.Tier);

    /// <summary>How many parts matched nothing (they are left out of the labels unless nothing matched at all).</summary>
    public int UnmatchedParts => Parts.Count(p => p.Tier == MatchTier.None);
}
