using Mapper.Engine.Pipeline;

namespace Mapper.Engine.Telemetry;

/// <summary>
/// Per-detector counts of recent decisions in one-minute buckets (an hour by default), with a histogram of
/// the model's confidence in 0.01 bins. Memory is bounded whatever the traffic, and because every valid model
/// answer's confidence is kept (whether it was used or fell back), "what if the threshold were T" is an exact
/// recount for any T given to two decimals, not an estimate from a sample.
/// </summary>
public sealed class DecisionStats
{
    /// <summary>Bin i holds confidences in [i/100, (i+1)/100); the last also holds 1.0.</summary>
    public const int ConfidenceBins = 101;

    public static readonly TimeSpan BucketWidth = TimeSpan.FromMinutes(1);

    private static readonly int ReasonCount = Enum.GetValues<FallbackReason>().Length;

    private readonly TimeProvider _time;
    private readonly Bucket[] _buckets;
    private readonly Lock _lock = new();

    public DecisionStats(TimeProvider time, TimeSpan retention)
    {
        if (retention < BucketWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(retention), "Keep at least one minute.");
        }

        _time = time;
        Retention = retention;
        _buckets = new Bucket[(int)Math.Ceiling(retention / BucketWidth) + 1];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new Bucket();
        }
    }

    public TimeSpan Retention { get; }

    /// <summary>The bin of a confidence; <c>confidence &lt; t</c> holds exactly for the bins below <see cref="BinOf"/>(t) when t has two decimals.</summary>
    public static int BinOf(double confidence) => Math.Clamp((int)Math.Floor((confidence * 100) + 1e-9), 0, ConfidenceBins - 1);

    public void Record(MappingDecision decision)
    {
        lock (_lock)
        {
            var counts = Current().For(decision.Detector);
            counts.Requests++;
            if (decision.FallbackReason is { } reason)
            {
                counts.Fallbacks[(int)reason]++;
            }

            if (decision.ModelOutputValid is { } valid)
            {
                if (valid)
                {
                    counts.ModelValid++;
                    if (decision.ModelConfidence is { } confidence)
                    {
                        counts.Confidence[BinOf(confidence)]++;
                        counts.ConfidenceSum += confidence;
                    }
                }
                else
                {
                    counts.ModelInvalid++;
                }
            }
        }
    }

    /// <summary>Each detector's decisions over the last <paramref name="span"/> (capped at the retention), busiest first.</summary>
    public DecisionWindow Window(TimeSpan span)
    {
        var now = _time.GetUtcNow();
        var newest = Index(now);
        var oldest = newest - (long)Math.Ceiling(Math.Min(span.Ticks, Retention.Ticks) / (double)BucketWidth.Ticks) + 1;
        var merged = new Dictionary<string, Counts>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var bucket in _buckets.Where(b => b.Index >= oldest && b.Index <= newest))
            {
                foreach (var (detector, counts) in bucket.Detectors)
                {
                    if (!merged.TryGetValue(detector, out var total))
                    {
                        merged[detector] = total = new Counts();
                    }

                    total.Add(counts);
                }
            }
        }

        var from = new DateTimeOffset(oldest * BucketWidth.Ticks, TimeSpan.Zero);
        return new DecisionWindow(from, now, [.. merged.Select(p => p.Value.ToSnapshot(p.Key)).OrderByDescending(d => d.Requests).ThenBy(d => d.Detector, StringComparer.Ordinal)]);
    }

    private long Index(DateTimeOffset at) => at.UtcTicks / BucketWidth.Ticks;

    private Bucket Current()
    {
        var index = Index(_time.GetUtcNow());
        var bucket = _buckets[(int)(index % _buckets.Length)];
        if (bucket.Index != index)
        {
            bucket.Reset(index);
        }

        return bucket;
    }

    private sealed class Bucket
    {
        public long Index { get; private set; } = long.MinValue;

        public Dictionary<string, Counts> Detectors { get; } = new(StringComparer.Ordinal);

        public Counts For(string detector)
        {
            if (!Detectors.TryGetValue(detector, out var counts))
            {
                Detectors[detector] = counts = new Counts();
            }

            return counts;
        }

        public void Reset(long index)
        {
            Index = index;
            Detectors.Clear();
        }
    }

    private sealed class Counts
    {
        public long Requests { get; set; }

        public long ModelValid { get; set; }

        public long ModelInvalid { get; set; }

        public double ConfidenceSum { get; set; }

        public long[] Fallbacks { get; } = new long[ReasonCount];

        public long[] Confidence { get; } = new long[ConfidenceBins];

        public void Add(Counts other)
        {
            Requests += other.Requests;
            ModelValid += other.ModelValid;
            ModelInvalid += other.ModelInvalid;
            ConfidenceSum += other.ConfidenceSum;
            for (var i = 0; i < Fallbacks.Length; i++)
            {
                Fallbacks[i] += other.Fallbacks[i];
            }

            for (var i = 0; i < Confidence.Length; i++)
            {
                Confidence[i] += other.Confidence[i];
            }
        }

        public DetectorDecisions ToSnapshot(string detector) => new(
            detector, Requests, [.. Fallbacks], ModelValid, ModelInvalid, ConfidenceSum, [.. Confidence]);
    }
}

/// <summary>What one detector's decisions were over a window; <see cref="Fallbacks"/> is indexed by <see cref="FallbackReason"/>.</summary>
public sealed record DetectorDecisions(string Detector, long Requests, long[] Fallbacks, long ModelValid, long ModelInvalid, double ConfidenceSum, long[] Confidence)
{
    public long FallbackTotal => Fallbacks.Sum();

    public double? FallbackPercent => Requests == 0 ? null : 100.0 * FallbackTotal / Requests;

    public double? SchemaValidPercent => ModelValid + ModelInvalid == 0 ? null : 100.0 * ModelValid / (ModelValid + ModelInvalid);

    /// <summary>Mean confidence of the model's valid answers (used or not); null when the model gave none.</summary>
    public double? MeanConfidence => ModelValid == 0 ? null : ConfidenceSum / ModelValid;

    public long FallbacksFor(FallbackReason reason) => Fallbacks[(int)reason];

    /// <summary>Valid model answers whose confidence is below <paramref name="threshold"/> (two decimals).</summary>
    public long ValidBelow(double threshold)
    {
        var bin = DecisionStats.BinOf(threshold);
        long below = 0;
        for (var i = 0; i < bin; i++)
        {
            below += Confidence[i];
        }

        return below;
    }
}

/// <summary>Every detector's decisions from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record DecisionWindow(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<DetectorDecisions> Detectors)
{
    public long Requests => Detectors.Sum(d => d.Requests);
}
