namespace Mapper.Engine.Rules;

/// <summary>
/// The index keys of one token, chosen so that any two tokens <see cref="TokenMatcher.TokensEqual"/> accepts
/// share at least one key:
/// <list type="bullet">
/// <item>a token under 3 letters: the token itself (such a token only ever equals itself);</item>
/// <item>a token of 3 or more letters: its first 3 letters (an equal token, an abbreviation of 3+ letters that
/// is a prefix, and two forms of one 5+ letter stem all begin with the same 3 letters);</item>
/// <item>a token of 4 or more letters, also: the token and each form of it with one letter deleted (one
/// substitution, insertion, deletion or neighbour swap leaves the two tokens with a common such form;
/// the edit and swap rules need 4+ letters on both sides).</item>
/// </list>
/// Keys are 64-bit FNV-1a hashes, computed without allocating; a collision only adds a candidate, which is
/// then scored like any other, so it can cost time but never change an answer.
/// </summary>
internal static class TokenKeys
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The most keys <see cref="Fill"/> writes for a token of this length.</summary>
    public static int MaxCount(int length) => length + 2;

    /// <summary>Writes the token's keys to <paramref name="keys"/> (at least <see cref="MaxCount"/> long) and returns how many.</summary>
    public static int Fill(string token, Span<ulong> keys)
    {
        if (token.Length < 3)
        {
            keys[0] = Hash('=', token, token.Length, skip: -1);
            return 1;
        }

        keys[0] = Hash('^', token, 3, skip: -1);
        if (token.Length < 4)
        {
            return 1;
        }

        keys[1] = Hash('~', token, token.Length, skip: -1);
        for (var skip = 0; skip < token.Length; skip++)
        {
            keys[2 + skip] = Hash('~', token, token.Length, skip);
        }

        return token.Length + 2;
    }

    private static ulong Hash(char kind, string token, int length, int skip)
    {
        var hash = (Offset ^ kind) * Prime;
        for (var i = 0; i < length; i++)
        {
            if (i != skip)
            {
                hash = (hash ^ token[i]) * Prime;
            }
        }

        return hash;
    }
}
