using System.Collections.Frozen;
using Mapper.Engine.Data;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Rules;

/// <summary>
/// The deterministic mapper: the fallback in hybrid mode and the whole answer in rules-only mode.
/// Tiers, strongest first: exact → normalised → alias → cross-detector → lexicon → token (see <see cref="MatchTier"/>).
/// Pipe-joined outputs are split and answered as a multi-label event.
/// </summary>
public sealed class RuleMapper
{
    private static readonly FrozenSet<string> ErrorWords =
        new[] { "error", "errors", "err", "exception", "failed", "failure", "fail", "crash", "crashed", "timeout", "timed" }
            .ToFrozenSet(StringComparer.Ordinal);

    [ThreadStatic]
    private static List<TokenCandidate>? _candidates;

    private readonly RuleIndex _index;
    private readonly bool _exhaustive;

    public RuleMapper(MappingData data)
        : this(data, exhaustive: false)
    {
    }

    /// <summary>With <paramref name="exhaustive"/>, the token tier scores every known key instead of the indexed candidates: the reference the index is tested against.</summary>
    internal RuleMapper(MappingData data, bool exhaustive)
    {
        _index = new RuleIndex(data);
        _exhaustive = exhaustive;
        Detectors = new DetectorNameResolver(data.Detectors);
    }

    public DetectorNameResolver Detectors { get; }

    /// <summary>Maps a detector output. <paramref name="detector"/> is a canonical name, or null for an unknown detector.</summary>
    public RuleAnswer Map(string? detector, string output)
    {
        var parts = LabelText.SplitLabels(output).Select(part => MatchOne(detector, part)).ToList();
        if (parts.Count == 0)
        {
            parts.Add(NoMatch());
        }

        var matched = parts.Where(p => p.Tier != MatchTier.None).ToList();
        if (matched.Count == 0)
        {
            return new RuleAnswer([WellKnownLabels.Unknown], new Dictionary<string, double> { [WellKnownLabels.Unknown] = 0.0 }, 0.0, parts);
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in matched)
        {
            scores[part.Label] = Math.Max(scores.GetValueOrDefault(part.Label), part.Confidence);
        }

        // The answer is as firm as its weakest matched label.
        var labels = matched.Select(p => p.Label).Distinct(StringComparer.Ordinal).ToList();
        return new RuleAnswer(labels, scores, matched.Min(p => p.Confidence), parts);
    }

    /// <summary>Maps one label (no pipe splitting).</summary>
    public RuleMatch MatchOne(string? detector, string raw)
    {
        if (detector is not null && _index.Exact.TryGetValue(detector, out var exact) && exact.TryGetValue(raw, out var label))
        {
            return Matched(label, MatchTier.Exact);
        }

        var compact = LabelText.Compact(raw);
        if (compact.Length == 0)
        {
            return NoMatch();
        }

        var keys = RuleIndex.KeyForms(compact).ToArray();
        if (detector is not null && Lookup(_index.Normalised[detector], keys) is { } normalised)
        {
            return Matched(normalised, MatchTier.Normalised);
        }

        var (negated, content) = Polarity.Split(NoiseTokens.Strip(LabelText.Tokens(compact)));
        var match = negated ? MatchNegated(detector, content) : MatchShared(detector, keys, content);

        // A detector that calls clean content something else (deberta-toxicity: OTHER.Unknown) keeps its convention.
        return match.Label == WellKnownLabels.Safe && detector is not null && _index.NegativeClass[detector] is var negative && negative != WellKnownLabels.Safe
            ? Matched(negative, match.Tier)
            : match;
    }

    private RuleMatch MatchShared(string? detector, string[] keys, string[] content)
    {
        if (Lookup(_index.Aliases, keys) is { } alias)
        {
            return Matched(alias, MatchTier.Alias);
        }

        if (content.Length > 0 && ErrorWords.Contains(content[0]))
        {
            return Matched(WellKnownLabels.ModelError, MatchTier.Alias);
        }

        if (Lookup(_index.CrossDetector, keys) is { } cross)
        {
            return Matched(cross, MatchTier.CrossDetector);
        }

        if (Lookup(_index.Lexicon, keys) is { } phrase)
        {
            return Matched(phrase, MatchTier.Lexicon);
        }

        var own = detector is not null ? _index.DetectorCandidates.GetValueOrDefault(detector) : null;
        var token = _exhaustive
            ? TokenMatcher.BestLabel(content, [.. own?.All ?? [], .. _index.SharedCandidates.All]) ?? _index.Votes.VoteExhaustive(content)
            : BestIndexed(own, content) ?? _index.Votes.Vote(content);
        return token is not null ? Matched(token, MatchTier.Token) : NoMatch();
    }

    /// <summary>Scores only the detector's own and the shared keys that share a token with the label (the rest would score 0).</summary>
    private string? BestIndexed(TokenPostings<TokenCandidate>? own, string[] content)
    {
        // One scratch list per thread: the token tier runs on every request thread and should not allocate.
        var candidates = _candidates ??= [];
        candidates.Clear();
        own?.Collect(content, candidates);
        _index.SharedCandidates.Collect(content, candidates);
        var best = TokenMatcher.BestLabel(content, candidates);
        candidates.Clear();
        return best;
    }

    /// <summary>
    /// A negated label the detector's own table does not list. "not safe" means unsafe; "not toxic",
    /// "non violent" mean the detector found no harm, which is <see cref="WellKnownLabels.Safe"/>.
    /// Never the label that was negated.
    /// </summary>
    private RuleMatch MatchNegated(string? detector, string[] content)
    {
        if (content.Length == 0)
        {
            return NoMatch();
        }

        var positive = MatchShared(detector, [string.Join('_', content)], content);
        return positive.Label switch
        {
            WellKnownLabels.Unknown => NoMatch(),
            WellKnownLabels.Safe => MatchShared(detector, ["unsafe"], ["unsafe"]) with { Tier = MatchTier.Token, Confidence = MatchTierConfidence.Of(MatchTier.Token) },
            _ => Matched(WellKnownLabels.Safe, MatchTier.Token),
        };
    }

    private static string? Lookup(FrozenDictionary<string, string> table, string[] keys)
    {
        foreach (var key in keys)
        {
            if (table.TryGetValue(key, out var label))
            {
                return label;
            }
        }

        return null;
    }

    private static RuleMatch Matched(string label, MatchTier tier) =>
        label == WellKnownLabels.Unknown ? new RuleMatch(label, tier, 0.0) : new RuleMatch(label, tier, MatchTierConfidence.Of(tier));

    private static RuleMatch NoMatch() => new(WellKnownLabels.Unknown, MatchTier.None, 0.0);
}
