namespace Mapper.Engine.Model.Features;

/// <summary>
/// 32-bit FNV-1a over UTF-16 code units. Feature ids must be identical in every process and on every
/// machine (they index rows of a saved model), which <c>string.GetHashCode</c> is not: it is seeded per process.
/// </summary>
public static class Fnv1a
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Hash(ReadOnlySpan<char> text) => Append(OffsetBasis, text);

    /// <summary>Continues a hash, so a namespaced feature ("w:" + token) is hashed without building the string.</summary>
    public static uint Append(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            // Both bytes of the code unit, low first, so non-ASCII text hashes distinctly.
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }

    public static uint Start => OffsetBasis;
}
