using System.Globalization;
using System.Numerics;
using Mapper.Engine.Rules;

namespace Mapper.Engine.Model.Features;

/// <summary>
/// Turns (detector, raw label) into a sorted set of hashed feature ids: words, word bigrams, character
/// 2–5-grams of the compacted label, the detector's name and family, and detector × word crosses so
/// that <c>S1</c> or <c>IP</c> can mean different things for different detectors. The label is compacted
/// with <see cref="LabelText"/> so the model sees labels exactly as the rule mapper does.
/// </summary>
public sealed class LabelFeaturizer
{
    /// <summary>Bump when the feature set changes: an adapter trained on another featurizer is refused.</summary>
    public const string Revision = "v1";

    private const string IdPrefix = "hash-fnv1a-" + Revision + "-b";
    private const int MinGram = 2;
    private const int MaxGram = 5;

    // Longer labels are not real detector labels; capping keeps featurizing cost bounded for junk input.
    private const int MaxLabelChars = 64;

    public LabelFeaturizer(int buckets)
    {
        if (buckets < 256 || !BitOperations.IsPow2(buckets))
        {
            throw new ArgumentOutOfRangeException(nameof(buckets), buckets, "Bucket count must be a power of two ≥ 256.");
        }

        Buckets = buckets;
        Id = IdPrefix + buckets.ToString(CultureInfo.InvariantCulture);
    }

    public int Buckets { get; }

    /// <summary>E.g. <c>hash-fnv1a-v1-b65536</c>; stored in every adapter manifest and ONNX file.</summary>
    public string Id { get; }

    /// <summary>The featurizer an adapter was built with, or null when this build does not know that id.</summary>
    public static LabelFeaturizer? FromId(string id)
    {
        if (!id.StartsWith(IdPrefix, StringComparison.Ordinal)
            || !int.TryParse(id.AsSpan(IdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var buckets)
            || buckets < 256 || !BitOperations.IsPow2(buckets))
        {
            return null;
        }

        return new LabelFeaturizer(buckets);
    }

    /// <summary>Distinct feature ids in ascending order (never empty).</summary>
    public int[] Featurize(string detector, string rawLabel)
    {
        var det = DetectorName.Normalize(detector);
        var family = DetectorName.FamilyOf(det);
        var label = LabelText.Compact(rawLabel);
        if (label.Length > MaxLabelChars)
        {
            label = label[..MaxLabelChars];
        }

        var tokens = LabelText.Tokens(label);
        var ids = new HashSet<int>();

        Add(ids, "L:", label);
        Add(ids, "xL:", det, "|", label);
        Add(ids, "d:", det);
        Add(ids, "f:", family);
        foreach (var detToken in LabelText.Tokens(det))
        {
            Add(ids, "dt:", detToken);
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            Add(ids, "w:", tokens[i]);
            Add(ids, "xw:", det, "|", tokens[i]);
            Add(ids, "fw:", family, "|", tokens[i]);
            if (i + 1 < tokens.Length)
            {
                Add(ids, "b:", tokens[i], "|", tokens[i + 1]);
            }
        }

        var padded = "<" + label + ">";
        for (var n = MinGram; n <= MaxGram; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                Add(ids, "c:", padded.AsSpan(start, n));
            }
        }

        var result = ids.ToArray();
        Array.Sort(result);
        return result;
    }

    private void Add(HashSet<int> ids, string kind, ReadOnlySpan<char> value) =>
        ids.Add(Bucket(Fnv1a.Append(Fnv1a.Append(Fnv1a.Start, kind), value)));

    private void Add(HashSet<int> ids, string kind, string left, string separator, string right)
    {
        var hash = Fnv1a.Append(Fnv1a.Append(Fnv1a.Start, kind), left);
        hash = Fnv1a.Append(Fnv1a.Append(hash, separator), right);
        ids.Add(Bucket(hash));
    }

    private int Bucket(uint hash)
    {
        // FNV-1a's low bits mix poorly for short inputs; a murmur3 finaliser spreads them before masking.
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return (int)(hash & (uint)(Buckets - 1));
    }
}
