using System.Collections.Frozen;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Rules;

/// <summary>
/// The token tier's second chance: words that, wherever they occur in the known keys, always point to one
/// label (<c>criminal</c> → HARM.VIOLENCE.Other, <c>bank</c> → PII.Identifier.BankAccount), or to one family
/// of labels whose catch-all then answers (<c>prompt</c> → PROMPT_INJECTION.Other). A label is answered only
/// when the distinctive words of the input agree on it; other words are ignored, disagreement is refused.
/// </summary>
internal sealed class TokenVotes
{
    /// <summary>
    /// How much, not what: <c>high</c> only ever occurs in Toxicity keys (<c>high_toxic</c>, <c>high_risk</c>), yet
    /// <c>mrn_high</c> is a medical record number at high severity, not toxicity. These words never vote.
    /// </summary>
    internal static readonly FrozenSet<string> SeverityWords = new[]
    {
        "high", "medium", "med", "low", "moderate", "mild", "severe", "severity", "critical", "extreme", "very", "level",
    }.ToFrozenSet(StringComparer.Ordinal);

    // One scratch list per thread (the vote runs on request threads and should not allocate).
    [ThreadStatic]
    private static List<(string Token, string Label)>? _words;

    private readonly TokenPostings<(string Token, string Label)> _distinctive;

    public TokenVotes(IEnumerable<(string Key, string Label)> keys, CanonicalTaxonomy taxonomy)
    {
        var labelsByToken = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (key, label) in keys.Where(k => k.Label != WellKnownLabels.Unknown))
        {
            var (negated, content) = Polarity.Split(RuleIndex.ContentTokens(LabelText.Compact(key)));
            if (negated)
            {
                continue;
            }

            foreach (var token in content)
            {
                if (!labelsByToken.TryGetValue(token, out var labels))
                {
                    labelsByToken[token] = labels = new HashSet<string>(StringComparer.Ordinal);
                }

                labels.Add(label);
            }
        }

        _distinctive = new TokenPostings<(string Token, string Label)>(
            [.. labelsByToken
                .Select(p => (Token: p.Key, Label: p.Value.Count == 1 ? p.Value.Single() : FamilyCatchAll(p.Value, taxonomy)))
                .Where(p => p.Label is not null && p.Token.Length >= 3 && !SeverityWords.Contains(p.Token))
                .Select(p => (p.Token, p.Label!))],
            d => [d.Token]);
    }

    /// <summary>The one label the input's distinctive words agree on, or null; only words sharing an index key with an input token are compared.</summary>
    public string? Vote(string[] tokens)
    {
        string? only = null;
        var words = _words ??= [];
        foreach (var token in tokens)
        {
            if (SeverityWords.Contains(token))
            {
                continue;
            }

            words.Clear();
            _distinctive.Collect([token], words);
            foreach (var word in words)
            {
                if (!TokenMatcher.TokensEqual(token, word.Token))
                {
                    continue;
                }

                if (only is null)
                {
                    only = word.Label;
                }
                else if (!string.Equals(only, word.Label, StringComparison.Ordinal))
                {
                    words.Clear();
                    return null;
                }
            }
        }

        words.Clear();
        return only;
    }

    /// <summary>The same vote over every distinctive word: the reference the index is checked against.</summary>
    internal string? VoteExhaustive(string[] tokens)
    {
        var labels = tokens
            .Where(t => !SeverityWords.Contains(t))
            .SelectMany(t => _distinctive.All.Where(d => TokenMatcher.TokensEqual(t, d.Token)).Select(d => d.Label))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return labels.Count == 1 ? labels[0] : null;
    }

    /// <summary>Labels under one parent (<c>PROMPT_INJECTION.*</c>) name that parent's <c>.Other</c>, when the taxonomy has one.</summary>
    private static string? FamilyCatchAll(IReadOnlyCollection<string> labels, CanonicalTaxonomy taxonomy)
    {
        var parents = labels.Select(l => l[..Math.Max(0, l.LastIndexOf('.'))]).Distinct(StringComparer.Ordinal).ToList();
        return parents is [{ Length: > 0 } parent] && taxonomy.Contains(parent + ".Other") ? parent + ".Other" : null;
    }
}
