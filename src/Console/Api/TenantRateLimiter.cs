using System.Collections.Concurrent;
using System.Globalization;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Api;

/// <summary>
/// A token bucket per tenant (<c>Api:RateLimitPerSecond</c> sustained, <c>Api:RateLimitBurst</c> at once).
/// Sets the <c>RateLimit-*</c> headers and refuses with 429 and <c>Retry-After</c> when the bucket is dry.
/// </summary>
public sealed class TenantRateLimiter(ApiOptions options, TimeProvider time)
{
    private const int MaxTenants = 10_000;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public bool Enabled => options.RateLimitPerSecond > 0;

    /// <summary>Takes <paramref name="permits"/> tokens (capped at the burst) from the tenant's bucket or throws 429.</summary>
    public void Acquire(HttpResponse response, string tenant, int permits)
    {
        if (!Enabled)
        {
            return;
        }

        var burst = options.RateLimitBurst;
        var rate = options.RateLimitPerSecond;
        if (_buckets.Count > MaxTenants)
        {
            ForgetIdle(burst, rate);
        }

        var bucket = _buckets.GetOrAdd(tenant, _ => new Bucket(burst, time.GetTimestamp()));
        permits = Math.Clamp(permits, 1, burst);
        double remaining;
        bool granted;
        lock (bucket)
        {
            var now = time.GetTimestamp();
            bucket.Tokens = Math.Min(burst, bucket.Tokens + (time.GetElapsedTime(bucket.Updated, now).TotalSeconds * rate));
            bucket.Updated = now;
            granted = bucket.Tokens >= permits;
            if (granted)
            {
                bucket.Tokens -= permits;
            }

            remaining = bucket.Tokens;
        }

        var headers = response.Headers;
        headers["RateLimit-Limit"] = burst.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = ((int)Math.Floor(remaining)).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = Seconds((burst - remaining) / rate);
        if (!granted)
        {
            throw new ApiProblemException(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests for this tenant; retry after the delay given", retryable: true)
            {
                RetryAfter = TimeSpan.FromSeconds(Math.Max(1, (permits - remaining) / rate)),
            };
        }
    }

    /// <summary>A flood of tenant names must not grow memory: drop buckets that have refilled (forgetting them changes nothing).</summary>
    private void ForgetIdle(int burst, double rate)
    {
        var now = time.GetTimestamp();
        foreach (var (tenant, bucket) in _buckets)
        {
            if (bucket.Tokens + (time.GetElapsedTime(bucket.Updated, now).TotalSeconds * rate) >= burst)
            {
                _buckets.TryRemove(tenant, out _);
            }
        }
    }

    private static string Seconds(double seconds) => ((int)Math.Ceiling(Math.Max(0, seconds))).ToString(CultureInfo.InvariantCulture);

    private sealed class Bucket(double tokens, long updated)
    {
        public double Tokens { get; set; } = tokens;

        public long Updated { get; set; } = updated;
    }
}
