using System.Collections.Frozen;

namespace Mapper.Engine.Rules;

/// <summary>
/// Finds negation in a label so a matcher never maps <c>not_toxic</c> or <c>non_violent</c> to the
/// harm it negates. Whole tokens only: <c>unsafe</c> is its own word and never contains <c>safe</c>.
/// </summary>
public static class Polarity
{
    private static readonly FrozenSet<string> NegationWords =
        new[] { "not", "non", "no", "never", "without", "isnt", "isn" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Splits tokens into (negated, content). A negation word counts only before another token
    /// (<c>card_no</c> is a number, not a negation); a glued <c>nonviolent</c> counts too.
    /// </summary>
    public static (bool Negated, string[] Content) Split(string[] tokens)
    {
        var negated = false;
        var content = new List<string>(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (NegationWords.Contains(token) && i < tokens.Length - 1)
            {
                negated = true;
            }
            else if (token.Length > 6 && token.StartsWith("non", StringComparison.Ordinal))
            {
                negated = true;
                content.Add(token[3..]);
            }
            else
            {
                content.Add(token);
            }
        }

        return (negated, content.ToArray());
    }
}
