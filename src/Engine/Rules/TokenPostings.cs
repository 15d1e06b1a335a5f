using System.Collections.Frozen;

namespace Mapper.Engine.Rules;

/// <summary>
/// An inverted index for the token tier: from a token's <see cref="TokenKeys"/> to the items (known keys,
/// distinctive words) holding a token with a shared key. Every pair of tokens that
/// <see cref="TokenMatcher.TokensEqual"/> accepts shares a key, so the items returned are a superset of the
/// items a full scan would score above zero; the caller still scores each, so the answers are the scan's.
/// </summary>
internal sealed class TokenPostings<T>
{
    private readonly T[] _items;
    private readonly FrozenDictionary<ulong, int[]> _postings;

    public TokenPostings(IReadOnlyList<T> items, Func<T, IEnumerable<string>> tokensOf)
    {
        _items = [.. items];
        var postings = new Dictionary<ulong, List<int>>();
        for (var id = 0; id < _items.Length; id++)
        {
            foreach (var token in tokensOf(_items[id]))
            {
                TokenKeys.ForEach(token, (postings, id), static (key, state) =>
                {
                    if (!state.postings.TryGetValue(key, out var ids))
                    {
                        state.postings[key] = ids = [];
                    }

                    if (ids.Count == 0 || ids[^1] != state.id)
                    {
                        ids.Add(state.id);
                    }
                });
            }
        }

        _postings = postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>Every item the full list holds, in build order (the exhaustive reference scan).</summary>
    public IReadOnlyList<T> All => _items;

    /// <summary>Adds to <paramref name="into"/> each item sharing a key with any of <paramref name="tokens"/>, once, in build order.</summary>
    public void Collect(ReadOnlySpan<string> tokens, List<T> into)
    {
        var ids = new List<int>();
        foreach (var token in tokens)
        {
            TokenKeys.ForEach(token, (this, ids), static (key, state) =>
            {
                if (state.Item1._postings.TryGetValue(key, out var found))
                {
                    state.ids.AddRange(found);
                }
            });
        }

        ids.Sort();
        for (var i = 0; i < ids.Count; i++)
        {
            if (i == 0 || ids[i] != ids[i - 1])
            {
                into.Add(_items[ids[i]]);
            }
        }
    }
}
