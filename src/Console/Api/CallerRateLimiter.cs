using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Api;

/// <summary>
/// Token buckets (<c>Api:RateLimitPerSecond</c> sustained, <c>Api:RateLimitBurst</c> at once) that count the
/// work of a request in label words (<see cref="LabelWork"/>), kept per caller: per API key name when keys are
/// on, and per client address always (both must have the tokens). Never per <c>tenant_id</c>: a client writes
/// that, and rotating it would mint a fresh bucket per request. The address is the connection's, or the one
/// trusted proxies forwarded (<see cref="TrustedProxyNetworks"/>); IPv6 clients are counted per /64, the
/// block one host is usually given. Sets the <c>RateLimit-*</c> headers; refuses with 429 and <c>Retry-After</c>.
/// </summary>
public sealed class CallerRateLimiter(ApiOptions options, TimeProvider time)
{
    /// <summary>Above this many buckets, those that have refilled are dropped (forgetting a full bucket changes nothing).</summary>
    private const int SweepAbove = 10_000;

    /// <summary>A flood of fresh addresses cannot grow memory past this: further newcomers share one bucket.</summary>
    private const int HardCap = 4 * SweepAbove;

    private const string OverflowPartition = "overflow";

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _lastSweep;

    public bool Enabled => options.RateLimitPerSecond > 0;

    /// <summary>Takes <paramref name="work"/> tokens (capped at the burst) from the caller's buckets, or throws 429.</summary>
    public void Acquire(HttpContext context, ApiKeyOptions? key, int work)
    {
        if (!Enabled)
        {
            return;
        }

        var burst = options.RateLimitBurst;
        var rate = options.RateLimitPerSecond;
        var address = BucketFor(AddressPartition(context.Connection.RemoteIpAddress), burst, rate);
        var identity = key is null ? null : BucketFor("key:" + key.Name, burst, rate);
        var permits = Math.Clamp(work, 1, burst);
        bool granted;
        double remaining;
        lock (address)
        {
            if (identity is null)
            {
                var now = time.GetTimestamp();
                granted = address.TryTake(permits, now, burst, rate, time);
                remaining = address.Tokens;
            }
            else
            {
                lock (identity)
                {
                    var now = time.GetTimestamp();
                    address.Refill(now, burst, rate, time);
                    identity.Refill(now, burst, rate, time);
                    granted = address.Tokens >= permits && identity.Tokens >= permits;
                    if (granted)
                    {
                        address.Tokens -= permits;
                        identity.Tokens -= permits;
                    }

                    remaining = Math.Min(address.Tokens, identity.Tokens);
                }
            }
        }

        var headers = context.Response.Headers;
        headers["RateLimit-Limit"] = burst.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = ((int)Math.Floor(remaining)).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = Seconds((burst - remaining) / rate);
        if (!granted)
        {
            throw new ApiProblemException(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                $"Too much work from this caller ({permits} label words asked, {(int)Math.Floor(remaining)} left); retry after the delay given", retryable: true)
            {
                RetryAfter = TimeSpan.FromSeconds(Math.Max(1, (permits - remaining) / rate)),
            };
        }
    }

    /// <summary>The bucket key of a client address: IPv4 as is, IPv6 by its /64, no address (in-memory tests) as one caller.</summary>
    public static string AddressPartition(IPAddress? address)
    {
        if (address is null)
        {
            return "ip:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "ip:" + address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return "ip:" + new IPAddress(bytes) + "/64";
    }

    private Bucket BucketFor(string partition, int burst, double rate)
    {
        if (_buckets.TryGetValue(partition, out var bucket))
        {
            return bucket;
        }

        if (_buckets.Count > SweepAbove)
        {
            Sweep(burst, rate);
        }

        var target = _buckets.Count < HardCap ? partition : OverflowPartition;
        return _buckets.GetOrAdd(target, _ => new Bucket(burst, time.GetTimestamp()));
    }

    /// <summary>Drops refilled buckets, at most once a second: a scan per request would itself be the attack.</summary>
    private void Sweep(int burst, double rate)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (time.GetElapsedTime(last, now) < TimeSpan.FromSeconds(1) || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (partition, bucket) in _buckets)
        {
            if (bucket.Tokens + (time.GetElapsedTime(bucket.Updated, now).TotalSeconds * rate) >= burst)
            {
                _buckets.TryRemove(partition, out _);
            }
        }
    }

    private static string Seconds(double seconds) => ((int)Math.Ceiling(Math.Max(0, seconds))).ToString(CultureInfo.InvariantCulture);

    /// <summary>Tokens and the time they were counted; read and written under the bucket's lock.</summary>
    private sealed class Bucket(double tokens, long updated)
    {
        public double Tokens { get; set; } = tokens;

        public long Updated { get; private set; } = updated;

        public void Refill(long now, int burst, double rate, TimeProvider time)
        {
            Tokens = Math.Min(burst, Tokens + (time.GetElapsedTime(Updated, now).TotalSeconds * rate));
            Updated = now;
        }

        public bool TryTake(int permits, long now, int burst, double rate, TimeProvider time)
        {
            Refill(now, burst, rate, time);
            if (Tokens < permits)
            {
                return false;
            }

            Tokens -= permits;
            return true;
        }
    }
}
