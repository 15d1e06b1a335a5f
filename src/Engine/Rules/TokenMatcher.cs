using System.Collections.Frozen;

namespace Mapper.Engine.Rules;

/// <summary>
/// The last tier: scores a label's content tokens against the known keys by token overlap (Dice),
/// counting a token as equal when it is the same word, an abbreviation of it (<c>addr</c>/<c>address</c>)
/// or one edit away (<c>harrasment</c>). Ambiguous best matches are refused rather than guessed.
/// The answer does not depend on the order of the candidates, nor on candidates that share no token with
/// the label (they score 0), which is what lets <see cref="TokenPostings{T}"/> hand over only the candidates.
/// </summary>
internal static class TokenMatcher
{
    /// <summary>Below this overlap a match is a guess, and the mapper says Unknown instead.</summary>
    public const double MinScore = 0.6;

    public static string? BestLabel(string[] tokens, IReadOnlyList<TokenCandidate> candidates)
    {
        if (tokens.Length == 0)
        {
            return null;
        }

        var bestScore = 0.0;
        var bestPriority = int.MaxValue;
        string? best = null;
        var ambiguous = false;
        for (var c = 0; c < candidates.Count; c++)
        {
            var candidate = candidates[c];
            var score = Dice(tokens, candidate.Tokens);
            if (score < MinScore)
            {
                continue;
            }

            var better = score > bestScore + 1e-9 || (Math.Abs(score - bestScore) <= 1e-9 && candidate.Priority < bestPriority);
            if (better)
            {
                (bestScore, bestPriority, best, ambiguous) = (score, candidate.Priority, candidate.Label, false);
            }
            else if (Math.Abs(score - bestScore) <= 1e-9 && candidate.Priority == bestPriority && candidate.Label != best)
            {
                ambiguous = true;
            }
        }

        return ambiguous ? null : best;
    }

    private static double Dice(string[] left, string[] right)
    {
        Span<bool> used = right.Length <= 32 ? stackalloc bool[right.Length] : new bool[right.Length];
        var matched = 0;
        foreach (var token in left)
        {
            for (var j = 0; j < right.Length; j++)
            {
                if (!used[j] && TokensEqual(token, right[j]))
                {
                    used[j] = true;
                    matched++;
                    break;
                }
            }
        }

        return 2.0 * matched / (left.Length + right.Length);
    }

    internal static bool TokensEqual(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter.Length >= 3 && longer.StartsWith(shorter, StringComparison.Ordinal))
        {
            return true;
        }

        return (shorter.Length >= 4 && longer.Length - shorter.Length <= 1 && WithinOneEdit(shorter, longer))
            || SharesStem(shorter, longer)
            || IsOneTransposition(a, b);
    }

    /// <summary>
    /// Word forms of one stem: <c>violent</c>/<c>violence</c>, <c>harassing</c>/<c>harassment</c>. Both words must be the
    /// shared stem (5+ letters) plus an inflection, so <c>identity</c> and <c>identifier</c> stay different words.
    /// </summary>
    private static bool SharesStem(string shorter, string longer)
    {
        var common = 0;
        while (common < shorter.Length && shorter[common] == longer[common])
        {
            common++;
        }

        return common >= 5 && Inflections.Contains(shorter[common..]) && Inflections.Contains(longer[common..]);
    }

    private static readonly FrozenSet<string> Inflections =
        new[] { "", "s", "es", "ed", "ing", "t", "ce", "ment", "ments", "ful", "ly", "al", "ive", "ion", "ions", "er", "y" }
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The commonest typing slip: two neighbouring letters swapped (<c>emial</c>).</summary>
    private static bool IsOneTransposition(string a, string b)
    {
        if (a.Length != b.Length || a.Length < 4)
        {
            return false;
        }

        var first = a.AsSpan().CommonPrefixLength(b);
        return first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first]
            && a.AsSpan(first + 2).SequenceEqual(b.AsSpan(first + 2));
    }

    private static bool WithinOneEdit(string shorter, string longer)
    {
        int i = 0, j = 0, edits = 0;
        while (i < shorter.Length && j < longer.Length)
        {
            if (shorter[i] == longer[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (shorter.Length == longer.Length)
            {
                i++;
            }

            j++;
        }

        return edits + (longer.Length - j) + (shorter.Length - i) <= 1;
    }
}
