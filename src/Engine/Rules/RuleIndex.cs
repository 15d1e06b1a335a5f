using System.Collections.Frozen;
using Mapper.Engine.Data;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Rules;

/// <summary>
/// Lookup tables for every rule tier, built once from the loaded data so matching a label is a few
/// dictionary probes and, at the token tier, scoring only the keys that share an index key with it. Keys are compacted labels (see <see cref="LabelText"/>).
/// </summary>
internal sealed class RuleIndex
{
    public RuleIndex(MappingData data)
    {
        Exact = data.Detectors.ToFrozenDictionary(
            d => d.Detector,
            d => d.Rules.ToFrozenDictionary(r => r.RawLabel, r => r.CanonicalLabel, StringComparer.Ordinal),
            StringComparer.Ordinal);
        Normalised = data.Detectors.ToFrozenDictionary(
            d => d.Detector,
            d => Unambiguous(d.Rules.SelectMany(r => KeyForms(r.RawLabel).Select(k => (k, r.CanonicalLabel)))),
            StringComparer.Ordinal);
        Aliases = Unambiguous(TaxonomyKeys(data.Taxonomy).SelectMany(p => KeyForms(p.Key).Select(k => (k, p.Label))));
        CrossDetector = Unambiguous(data.Detectors.SelectMany(d => d.Rules)
            .SelectMany(r => KeyForms(r.RawLabel).Select(k => (k, r.CanonicalLabel))));
        Lexicon = Unambiguous(data.Lexicon.SelectMany(e => KeyForms(e.Phrase).Select(k => (k, e.Label))));
        SharedCandidates = Postings(Aliases.Select(p => new TokenCandidate(ContentTokens(p.Key), p.Value, Priority: 1))
            .Concat(CrossDetector.Select(p => new TokenCandidate(ContentTokens(p.Key), p.Value, Priority: 2))));
        Votes = new TokenVotes(
            data.Taxonomy.Labels.SelectMany(l => l.Aliases.Select(a => (a, l.Name)))
                .Concat(data.Detectors.SelectMany(d => d.Rules).Select(r => (r.RawLabel, r.CanonicalLabel))),
            data.Taxonomy);
        NegativeClass = data.Detectors.ToFrozenDictionary(d => d.Detector, d => NegativeClassOf(d.Rules), StringComparer.Ordinal);
        DetectorCandidates = Normalised.ToFrozenDictionary(
            p => p.Key,
            p => Postings(p.Value.Select(k => new TokenCandidate(ContentTokens(k.Key), k.Value, Priority: 0))),
            StringComparer.Ordinal);
    }

    /// <summary>detector → raw label → canonical label, character for character.</summary>
    public FrozenDictionary<string, FrozenDictionary<string, string>> Exact { get; }

    /// <summary>detector → compacted (and noise-stripped) raw label → canonical label.</summary>
    public FrozenDictionary<string, FrozenDictionary<string, string>> Normalised { get; }

    /// <summary>compacted taxonomy alias, label name or label leaf → label.</summary>
    public FrozenDictionary<string, string> Aliases { get; }

    /// <summary>compacted raw label of any detector → label, only where every detector agrees.</summary>
    public FrozenDictionary<string, string> CrossDetector { get; }

    /// <summary>compacted lexicon phrase → label (the project's own vocabulary, after the tables and aliases).</summary>
    public FrozenDictionary<string, string> Lexicon { get; }

    /// <summary>Token-tier candidates every detector shares: taxonomy keys (priority 1) and agreed raw labels of any detector (priority 2).</summary>
    public TokenPostings<TokenCandidate> SharedCandidates { get; }

    public TokenVotes Votes { get; }

    /// <summary>
    /// detector → the label its own table gives "the content is clean" (safe, clean, not_toxic): OTHER.Safe for most,
    /// OTHER.Unknown for deberta-toxicity. Negations and clean-style words of that detector answer with it.
    /// </summary>
    public FrozenDictionary<string, string> NegativeClass { get; }

    /// <summary>detector → token-tier candidates from its own table (priority 0).</summary>
    public FrozenDictionary<string, TokenPostings<TokenCandidate>> DetectorCandidates { get; }

    /// <summary>The compacted label, and the same without noise tokens when that differs.</summary>
    public static IEnumerable<string> KeyForms(string raw)
    {
        var compact = LabelText.Compact(raw);
        yield return compact;
        var stripped = string.Join('_', NoiseTokens.Strip(LabelText.Tokens(compact)));
        if (stripped != compact)
        {
            yield return stripped;
        }
    }

    public static string[] ContentTokens(string compact) => NoiseTokens.Strip(LabelText.Tokens(compact));

    private static IEnumerable<(string Key, string Label)> TaxonomyKeys(CanonicalTaxonomy taxonomy)
    {
        var leafCounts = taxonomy.Labels.GroupBy(l => Leaf(l.Name)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var label in taxonomy.Labels)
        {
            yield return (label.Name, label.Name);
            foreach (var alias in label.Aliases)
            {
                yield return (alias, label.Name);
            }

            // "SelfHarm" or "CreditCard" is a key on its own; "Other" or "Race" names several labels and is not.
            var leaf = Leaf(label.Name);
            if (leafCounts[leaf] == 1 && leaf != "Other")
            {
                yield return (leaf, label.Name);
            }
        }
    }

    private static TokenPostings<TokenCandidate> Postings(IEnumerable<TokenCandidate> candidates) =>
        new([.. candidates.Where(c => c.Tokens.Length > 0)], c => c.Tokens);

    private static string NegativeClassOf(IReadOnlyList<DetectorRule> rules)
    {
        var labels = rules
            .Where(r => LabelText.Compact(r.RawLabel) is "safe" or "clean" || Polarity.Split(LabelText.Tokens(LabelText.Compact(r.RawLabel))).Negated)
            .Select(r => r.CanonicalLabel)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return labels is [var only] ? only : WellKnownLabels.Safe;
    }

    private static string Leaf(string label) => label[(label.LastIndexOf('.') + 1)..];

    /// <summary>Keys that map to one label only; a key claimed by two labels is dropped rather than guessed.</summary>
    private static FrozenDictionary<string, string> Unambiguous(IEnumerable<(string Key, string Label)> pairs) =>
        pairs.GroupBy(p => p.Key, StringComparer.Ordinal)
            .Where(g => g.Select(p => p.Label).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToFrozenDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
}

/// <summary>A known key's content tokens and its label; lower priority wins a tie.</summary>
internal sealed record TokenCandidate(string[] Tokens, string Label, int Priority);
