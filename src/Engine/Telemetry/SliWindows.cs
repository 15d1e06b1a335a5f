using Mapper.Engine.Pipeline;

namespace Mapper.Engine.Telemetry;

/// <summary>
/// Rolling in-process counts over the recent window, in fixed time buckets (10 s by default) driven by
/// the injected clock. Old buckets roll off as time passes; memory is bounded by the bucket count.
/// </summary>
public sealed class SliWindows
{
    public static readonly TimeSpan DefaultBucketWidth = TimeSpan.FromSeconds(10);

    private static readonly FallbackReason[] Reasons = Enum.GetValues<FallbackReason>();

    private readonly TimeProvider _time;
    private readonly long _bucketTicks;
    private readonly Bucket[] _buckets;
    private readonly Lock _lock = new();
    private long _requests, _fallbacks, _chosenFallbacks, _modelValid, _modelInvalid, _responses, _errors;

    public SliWindows(TimeProvider time, TimeSpan window, TimeSpan? bucketWidth = null)
    {
        var width = bucketWidth ?? DefaultBucketWidth;
        if (width <= TimeSpan.Zero || window < width)
        {
            throw new ArgumentOutOfRangeException(nameof(window), "The window must hold at least one bucket.");
        }

        _time = time;
        _bucketTicks = width.Ticks;
        Window = window;
        _buckets = new Bucket[(int)Math.Ceiling((double)window.Ticks / width.Ticks)];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new Bucket();
        }
    }

    public TimeSpan Window { get; }

    public void RecordDecision(MappingDecision decision)
    {
        lock (_lock)
        {
            var bucket = Current();
            bucket.Requests++;
            bucket.Latency[LatencyBins.Index(decision.Duration.TotalSeconds)]++;
            _requests++;
            _fallbacks += decision.FallbackReason is null ? 0 : 1;
            _chosenFallbacks += decision.FallbackReason == FallbackReason.KillSwitch ? 1 : 0;
            _modelValid += decision.ModelOutputValid == true ? 1 : 0;
            _modelInvalid += decision.ModelOutputValid == false ? 1 : 0;
            if (decision.FallbackReason is { } reason)
            {
                bucket.Fallbacks[(int)reason]++;
            }

            if (decision.ModelOutputValid is { } valid)
            {
                if (valid)
                {
                    bucket.ModelValid++;
                }
                else
                {
                    bucket.ModelInvalid++;
                }
            }
        }
    }

    /// <summary>One response of a mapping endpoint; 5xx ones feed the error-rate SLI.</summary>
    public void RecordHttpResponse(int statusCode)
    {
        lock (_lock)
        {
            var bucket = Current();
            bucket.HttpResponses++;
            if (statusCode >= 500)
            {
                bucket.Http5xx++;
            }

            _responses++;
            _errors += statusCode >= 500 ? 1 : 0;
        }
    }

    /// <summary>
    /// The window's mapping durations counted into coarse buckets: decisions with a duration up to each bound
    /// (and above the previous one), the last bucket taking everything slower. Each decision counts once.
    /// </summary>
    public long[] LatencyHistogram(IReadOnlyList<double> upperBoundsSeconds)
    {
        var fine = new long[LatencyBins.Count];
        lock (_lock)
        {
            var newest = BucketIndex();
            foreach (var bucket in _buckets.Where(b => b.Index > newest - _buckets.Length && b.Index <= newest))
            {
                for (var i = 0; i < fine.Length; i++)
                {
                    fine[i] += bucket.Latency[i];
                }
            }
        }

        var coarse = new long[upperBoundsSeconds.Count + 1];
        for (var i = 0; i < fine.Length; i++)
        {
            var bound = LatencyBins.UpperBound(i);
            var at = 0;
            while (at < upperBoundsSeconds.Count && bound > upperBoundsSeconds[at] * 1.0000001)
            {
                at++;
            }

            coarse[at] += fine[i];
        }

        return coarse;
    }

    /// <summary>Counts since the process started: the SLI history stores per-minute differences of these (error budgets add them up).</summary>
    public SliTotals Totals()
    {
        lock (_lock)
        {
            return new SliTotals(_requests, _fallbacks, _chosenFallbacks, _modelValid, _modelInvalid, _responses, _errors);
        }
    }

    public SliSnapshot Snapshot(TimeSpan queueLag)
    {
        var lagSeconds = Math.Max(0, queueLag.TotalSeconds);
        long requests = 0, valid = 0, invalid = 0, responses = 0, errors = 0;
        long newestRequest = long.MinValue, newestOutput = long.MinValue, newestResponse = long.MinValue;
        var fallbacks = new long[Reasons.Length];
        var latency = new long[LatencyBins.Count];
        var maxLag = lagSeconds;
        lock (_lock)
        {
            var current = Current();
            current.MaxQueueLag = Math.Max(current.MaxQueueLag, lagSeconds);
            var newest = BucketIndex();
            foreach (var bucket in _buckets.Where(b => b.Index > newest - _buckets.Length && b.Index <= newest))
            {
                requests += bucket.Requests;
                newestRequest = bucket.Requests > 0 ? Math.Max(newestRequest, bucket.Index) : newestRequest;
                newestOutput = bucket.ModelValid + bucket.ModelInvalid > 0 ? Math.Max(newestOutput, bucket.Index) : newestOutput;
                newestResponse = bucket.HttpResponses > 0 ? Math.Max(newestResponse, bucket.Index) : newestResponse;
                valid += bucket.ModelValid;
                invalid += bucket.ModelInvalid;
                responses += bucket.HttpResponses;
                errors += bucket.Http5xx;
                maxLag = Math.Max(maxLag, bucket.MaxQueueLag);
                for (var i = 0; i < fallbacks.Length; i++)
                {
                    fallbacks[i] += bucket.Fallbacks[i];
                }

                for (var i = 0; i < latency.Length; i++)
                {
                    latency[i] += bucket.Latency[i];
                }
            }
        }

        var fallbackTotal = fallbacks.Sum();
        var at = _time.GetUtcNow();
        return new SliSnapshot
        {
            At = at,
            NewestRequestAt = EndOf(newestRequest, at),
            NewestModelOutputAt = EndOf(newestOutput, at),
            NewestResponseAt = EndOf(newestResponse, at),
            Window = Window,
            Requests = requests,
            Fallbacks = fallbackTotal,
            FallbackPercentage = requests == 0 ? 0 : Math.Min(100, 100.0 * fallbackTotal / requests),
            FallbacksByReason = Reasons.Where(r => fallbacks[(int)r] > 0)
                .ToDictionary(FallbackReasons.Name, r => fallbacks[(int)r], StringComparer.Ordinal),
            ModelOutputs = valid + invalid,
            SchemaValidPercentage = valid + invalid == 0 ? null : 100.0 * valid / (valid + invalid),
            P95LatencySeconds = LatencyBins.Percentile(latency, 0.95),
            HttpResponses = responses,
            Http5xx = errors,
            Http5xxPercentage = responses == 0 ? null : 100.0 * errors / responses,
            QueueLagSeconds = lagSeconds,
            MaxQueueLagSeconds = maxLag,
        };
    }

    /// <summary>When the newest bucket holding data ended (now, for the current one): the age of that SLI's data, to 10 s.</summary>
    private DateTimeOffset? EndOf(long index, DateTimeOffset now) =>
        index == long.MinValue ? null : new DateTimeOffset(Math.Min(now.UtcTicks, (index + 1) * _bucketTicks), TimeSpan.Zero);

    private long BucketIndex() => _time.GetUtcNow().UtcTicks / _bucketTicks;

    /// <summary>The bucket of now, cleared first if it last held an older period. Call under the lock.</summary>
    private Bucket Current()
    {
        var index = BucketIndex();
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

        public long Requests { get; set; }

        public long ModelValid { get; set; }

        public long ModelInvalid { get; set; }

        public long HttpResponses { get; set; }

        public long Http5xx { get; set; }

        public double MaxQueueLag { get; set; }

        public long[] Fallbacks { get; } = new long[Reasons.Length];

        public long[] Latency { get; } = new long[LatencyBins.Count];

        public void Reset(long index)
        {
            Index = index;
            Requests = ModelValid = ModelInvalid = HttpResponses = Http5xx = 0;
            MaxQueueLag = 0;
            Array.Clear(Fallbacks);
            Array.Clear(Latency);
        }
    }
}

/// <summary>
/// Monotonic counts of what the SLIs are made of, since start. <see cref="ChosenFallbacks"/> are the kill switch's:
/// fallbacks by an operator's choice, which the fallback error budget does not count.
/// </summary>
public sealed record SliTotals(long Requests, long Fallbacks, long ChosenFallbacks, long ModelValid, long ModelInvalid, long HttpResponses, long Http5xx)
{
    public SliTotals Minus(SliTotals earlier) => new(
        Requests - earlier.Requests, Fallbacks - earlier.Fallbacks, ChosenFallbacks - earlier.ChosenFallbacks, ModelValid - earlier.ModelValid,
        ModelInvalid - earlier.ModelInvalid, HttpResponses - earlier.HttpResponses, Http5xx - earlier.Http5xx);
}
