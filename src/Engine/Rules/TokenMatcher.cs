namespace Mapper.Engine.Rules;

/// <summary>
/// The last tier: scores a label's content tokens against every known key by token overlap (Dice),
/// counting a token as equal when it is the same word, an abbreviation of it (<c>addr</c>/<c>address</c>)
/// or one edit away (<c>harrasment</c>). Ambiguous best matches are refused rather than guessed.
/// </summary>
internal static class TokenMatcher
{
    /// <summary>Below this overlap a match is a guess, and the mapper says Unknown instead.</summary>
    public const double MinScore = 0.6;

    public static string? BestLabel(string[] tokens, IEnumerable<TokenCandidate> candidates)
    {
        if (tokens.Length == 0)
        {
            return null;
        }

        var bestScore = 0.0;
        var bestPriority = int.MaxValue;
        string? best = null;
        var ambiguous = false;
        foreach (var candidate in candidates)
        {
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
        var used = new bool[right.Length];
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

        return shorter.Length >= 4 && longer.Length - shorter.Length <= 1 && WithinOneEdit(shorter, longer);
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
