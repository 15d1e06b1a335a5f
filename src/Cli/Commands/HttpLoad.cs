using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Mapper.Cli.Commands;

/// <summary>One request a load client sends: where, what, and as which media type.</summary>
public sealed record LoadRequest(string Path, byte[] Body, string ContentType = "application/json");

/// <summary>
/// What one closed-loop run measured: completions per second and latency over the measured window, and this
/// process's processor time per completed request (server and clients together: they share the process).
/// After <see cref="MedianOf"/>, the run with the median req/s of several rounds, with the rounds' spread.
/// </summary>
public sealed record LoadResult(
    string Scenario, int Clients, double Seconds, long Requests, double RequestsPerSecond,
    double P50Ms, double P95Ms, double P99Ms, long Non200, double CpuMicrosecondsPerRequest)
{
    public int Rounds { get; init; } = 1;

    /// <summary>Share of the model-path requests the adapter answered from its cache during the run (hybrid scenarios).</summary>
    public double? CachedShare { get; init; }

    public double MinRequestsPerSecond { get; init; } = double.NaN;

    public double MaxRequestsPerSecond { get; init; } = double.NaN;

    public static double Percentile(List<long> sortedTicks, double fraction) =>
        sortedTicks.Count == 0 ? 0 : TicksToMs(sortedTicks[Math.Clamp((int)Math.Ceiling(fraction * sortedTicks.Count) - 1, 0, sortedTicks.Count - 1)]);

    public static double TicksToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>The round with the median req/s (the lower middle one of an even count), with the spread of all.</summary>
    public static LoadResult MedianOf(IReadOnlyList<LoadResult> rounds)
    {
        var ordered = rounds.OrderBy(r => r.RequestsPerSecond).ToList();
        return ordered[(ordered.Count - 1) / 2] with
        {
            Rounds = ordered.Count,
            MinRequestsPerSecond = ordered[0].RequestsPerSecond,
            MaxRequestsPerSecond = ordered[^1].RequestsPerSecond,
        };
    }
}

/// <summary>
/// A closed-loop load: <c>clients</c> concurrent keep-alive connections (one SocketsHttpHandler, one connection
/// per client), each sending its next request as soon as the previous answer is read. A warm-up runs first and
/// is not counted; a request counts when it both starts and ends inside the measured window.
/// </summary>
public static class HttpLoad
{
    public static HttpClient Client(Uri address, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<LoadResult> RunAsync(
        string scenario, Uri address, IReadOnlyList<LoadRequest> requests, int clients, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var http = Client(address, clients);
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var cpu = ProcessorTimeBetweenAsync(measureFrom, measureTo, cancellationToken);
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => ClientLoopAsync(http, requests, c, measureFrom, measureTo, cancellationToken)));
        var cpuTime = await cpu;

        var latencies = perClient.SelectMany(r => r.Latencies).ToList();
        latencies.Sort();
        var seconds = duration.TotalSeconds;
        return new LoadResult(
            scenario, clients, seconds, latencies.Count, latencies.Count / seconds,
            LoadResult.Percentile(latencies, 0.50), LoadResult.Percentile(latencies, 0.95), LoadResult.Percentile(latencies, 0.99),
            perClient.Sum(r => r.Non200),
            latencies.Count == 0 ? 0 : cpuTime.TotalMicroseconds / latencies.Count);
    }

    /// <summary>This process's processor time from one timestamp to another (both in the future when called).</summary>
    private static async Task<TimeSpan> ProcessorTimeBetweenAsync(long from, long to, CancellationToken cancellationToken)
    {
        await Task.Delay(Until(from), cancellationToken);
        var before = ProcessorTime();
        await Task.Delay(Until(to), cancellationToken);
        return ProcessorTime() - before;
    }

    /// <summary>This process's processor time so far, over all its threads (the load clients' included).</summary>
    public static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static TimeSpan Until(long timestamp)
    {
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Sends one request and reads the whole answer; the status, or 0 when the exchange failed.</summary>
    public static async Task<int> SendAsync(HttpClient http, LoadRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Path) { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task<(List<long> Latencies, long Non200)> ClientLoopAsync(
        HttpClient http, IReadOnlyList<LoadRequest> requests, int client, long measureFrom, long measureTo, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(4096);
        long non200 = 0;
        var next = client * 7919;
        while (true)
        {
            var sent = Stopwatch.GetTimestamp();
            if (sent >= measureTo)
            {
                return (latencies, non200);
            }

            var status = await SendAsync(http, requests[next++ % requests.Count], cancellationToken);
            var done = Stopwatch.GetTimestamp();
            if (sent >= measureFrom && done <= measureTo)
            {
                latencies.Add(done - sent);
                non200 += status == 200 ? 0 : 1;
            }
        }
    }
}
