using System.Collections.Frozen;
using System.Numerics;

namespace Mapper.Engine.Rules;

/// <summary>
/// An inverted index for the token tier: from a token's <see cref="TokenKeys"/> to the items (known keys,
/// distinctive words) holding a token with a shared key. Every pair of tokens that
/// <see cref="TokenMatcher.TokensEqual"/> accepts shares a key, so the items returned are a superset of the
/// items a full scan would score above zero; the caller still scores each, so the answers are the scan's.
/// </summary>
internal sealed class TokenPostings<T>
{
    private const int StackLimit = 128;

    private readonly T[] _items;
    private readonly FrozenDictionary<ulong, int[]> _postings;

    public TokenPostings(IReadOnlyList<T> items, Func<T, IEnumerable<string>> tokensOf)
    {
        _items = [.. items];
        var postings = new Dictionary<ulong, SortedSet<int>>();
        for (var id = 0; id < _items.Length; id++)
        {
            foreach (var token in tokensOf(_items[id]))
            {
                var keys = new ulong[TokenKeys.MaxCount(token.Length)];
                foreach (var key in keys.AsSpan(0, TokenKeys.Fill(token, keys)))
                {
                    if (!postings.TryGetValue(key, out var ids))
                    {
                        postings[key] = ids = [];
                    }

                    ids.Add(id);
                }
            }
        }

        _postings = postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>Every item the full list holds, in build order (the exhaustive reference scan).</summary>
    public IReadOnlyList<T> All => _items;

    /// <summary>Adds to <paramref name="into"/> each item sharing a key with any of <paramref name="tokens"/>, once, in build order.</summary>
    public void Collect(ReadOnlySpan<string> tokens, List<T> into)
    {
        var longest = 0;
        foreach (var token in tokens)
        {
            longest = Math.Max(longest, token.Length);
        }

        var words = (_items.Length + 63) >> 6;
        var seen = words <= StackLimit ? stackalloc ulong[StackLimit].Slice(0, words) : new ulong[words];
        seen.Clear();
        var keyCount = TokenKeys.MaxCount(longest);
        var keys = keyCount <= StackLimit ? stackalloc ulong[StackLimit].Slice(0, keyCount) : new ulong[keyCount];
        foreach (var token in tokens)
        {
            foreach (var key in keys[..TokenKeys.Fill(token, keys)])
            {
                if (_postings.TryGetValue(key, out var ids))
                {
                    foreach (var id in ids)
                    {
                        seen[id >> 6] |= 1UL << (id & 63);
                    }
                }
            }
        }

        for (var word = 0; word < seen.Length; word++)
        {
            for (var bits = seen[word]; bits != 0; bits &= bits - 1)
            {
                into.Add(_items[(word << 6) + BitOperations.TrailingZeroCount(bits)]);
            }
        }
    }
}
