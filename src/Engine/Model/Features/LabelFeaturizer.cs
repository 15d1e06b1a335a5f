using System.Globalization;
using System.Numerics;
using Mapper.Engine.Rules;

namespace Mapper.Engine.Model.Features;

/// <summary>
/// Turns (detector, raw label) into a sorted set of hashed feature ids: words, word bigrams, character
/// 2–5-grams of the compacted label, the detector's name and family, and detector × word crosses so
/// that <c>S1</c> or <c>IP</c> can mean different things for different detectors. The label is compacted
/// with <see cref="LabelText"/> (case and separators do not matter) and then stripped of its noise by
/// <see cref="LabelNoise"/> (v2): <c>azure_hate_score_v2</c> and <c>hate</c> give the same ids, so the same answer
/// and the same confidence.
/// </summary>
public sealed class LabelFeaturizer
{
    /// <summary>Bump when the feature set changes: an adapter trained on another featurizer is refused.</summary>
    public const string Revision = "v2";

    private const string IdPrefix = "hash-fnv1a-" + Revision + "-b";
    private const int MinGram = 2;
    private const int MaxGram = 5;

    // Longer labels are not real detector labels; capping keeps featurizing cost bounded for junk input.
    private const int MaxLabelChars = 64;

    // Upper bound of features for a 64-char label: n-grams, 4 per word (≤ 33 words), bigrams, detector ids.
    private const int MaxFeatures = 1024;
    private const int MaxCachedDetectors = 1024;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Detector> _detectors = new(StringComparer.Ordinal);

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

    /// <summary>Room <see cref="FeaturizeInto"/> needs: an upper bound of one item's feature count.</summary>
    public const int MaxFeatureCount = MaxFeatures;

    /// <summary>Distinct feature ids in ascending order (never empty).</summary>
    public int[] Featurize(string detector, string rawLabel)
    {
        Span<int> ids = stackalloc int[MaxFeatures];
        return ids[..FeaturizeInto(detector, rawLabel, ids)].ToArray();
    }

    /// <summary>
    /// Writes the distinct ids in ascending order to the start of <paramref name="ids"/> (at least
    /// <see cref="MaxFeatureCount"/> long) and returns how many: the batched path featurizes into one
    /// shared buffer instead of an array per item.
    /// </summary>
    public int FeaturizeInto(string detector, string rawLabel, Span<int> ids)
    {
        if (ids.Length < MaxFeatures)
        {
            throw new ArgumentException($"The buffer must hold {MaxFeatures} ids.", nameof(ids));
        }

        var det = _detectors.TryGetValue(detector, out var cached) ? cached : DetectorFeatures(detector);
        var compact = LabelText.Compact(rawLabel).AsSpan();
        if (compact.Length > LabelNoise.MaxInputChars)
        {
            compact = compact[..LabelNoise.MaxInputChars];
        }

        // The model sees the label without its noise (versions, scores, vendor prefixes): see LabelNoise.
        Span<char> denoised = stackalloc char[compact.Length];
        var label = denoised[..LabelNoise.Strip(compact, denoised)];
        if (label.Length > MaxLabelChars)
        {
            label = label[..MaxLabelChars];
        }

        // Hot path (every model call): hashes are built on spans into the caller's buffer, no per-feature strings.
        var count = 0;
        foreach (var id in det.Ids)
        {
            ids[count++] = id;
        }

        ids[count++] = Bucket(Fnv1a.Append(Fnv1a.Append(Fnv1a.Start, "L:"), label));
        ids[count++] = Bucket(Fnv1a.Append(det.LabelCross, label));

        scoped var previous = ReadOnlySpan<char>.Empty;
        foreach (var range in label.Split('_'))
        {
            var token = label[range];
            if (token.IsEmpty)
            {
                continue;
            }

            ids[count++] = Bucket(Fnv1a.Append(Fnv1a.Append(Fnv1a.Start, "w:"), token));
            ids[count++] = Bucket(Fnv1a.Append(det.WordCross, token));
            ids[count++] = Bucket(Fnv1a.Append(det.FamilyCross, token));
            if (!previous.IsEmpty)
            {
                var bigram = Fnv1a.Append(Fnv1a.Append(Fnv1a.Append(Fnv1a.Start, "b:"), previous), "|");
                ids[count++] = Bucket(Fnv1a.Append(bigram, token));
            }

            previous = token;
        }

        Span<char> padded = stackalloc char[label.Length + 2];
        padded[0] = '<';
        label.CopyTo(padded[1..]);
        padded[^1] = '>';
        // FNV-1a is sequential, so the hash of an n-gram extends the hash of its (n-1)-prefix: one pass per
        // start position instead of one per n. The ids are the same; they are sorted below anyway.
        var gramStart = Fnv1a.Append(Fnv1a.Start, "c:");
        for (var start = 0; start + MinGram <= padded.Length; start++)
        {
            var hash = Fnv1a.Append(gramStart, padded.Slice(start, MinGram - 1));
            for (var n = MinGram; n <= MaxGram && start + n <= padded.Length; n++)
            {
                hash = Fnv1a.Append(hash, padded.Slice(start + n - 1, 1));
                ids[count++] = Bucket(hash);
            }
        }

        var used = ids[..count];
        used.Sort();
        var distinct = 1;
        for (var i = 1; i < used.Length; i++)
        {
            if (used[i] != used[distinct - 1])
            {
                used[distinct++] = used[i];
            }
        }

        return distinct;
    }

    private Detector DetectorFeatures(string detector)
    {
        var det = DetectorName.Normalize(detector);
        var family = DetectorName.FamilyOf(det);
        List<int> ids = [Bucket(Fnv1a.Append(Fnv1a.Append(Fnv1a.Start, "d:"), det)), Bucket(Fnv1a.Append(Fnv1a.Append(Fnv1a.Start, "f:"), family))];
        ids.AddRange(LabelText.Tokens(det).Take(16).Select(t => Bucket(Fnv1a.Append(Fnv1a.Append(Fnv1a.Start, "dt:"), t))));
        var features = new Detector(
            [.. ids],
            Fnv1a.Append(Fnv1a.Append(Fnv1a.Append(Fnv1a.Start, "xL:"), det), "|"),
            Fnv1a.Append(Fnv1a.Append(Fnv1a.Append(Fnv1a.Start, "xw:"), det), "|"),
            Fnv1a.Append(Fnv1a.Append(Fnv1a.Append(Fnv1a.Start, "fw:"), family), "|"));

        // Callers may send arbitrary detector strings: cache a bounded number (the known detectors fit easily).
        if (_detectors.Count < MaxCachedDetectors)
        {
            _detectors.TryAdd(detector, features);
        }

        return features;
    }

    /// <summary>Per-detector ids and hash states after "kind + detector + |", reused for every label of that detector.</summary>
    private sealed record Detector(int[] Ids, uint LabelCross, uint WordCross, uint FamilyCross);

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
