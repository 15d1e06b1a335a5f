using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Mapper.Cli.Commands;

/// <summary>One request a load client sends: where, what, and as which media type.</summary>
public sealed record LoadRequest(string Path, byte[] Body, string ContentType = "application/json");

/// <summary>What one closed-loop run measured: completions per second and latency over the measured window.</summary>
public sealed record LoadResult(
    string Scenario, int Clients, double Seconds, long Requests, double RequestsPerSecond,
    double P50Ms, double P95Ms, double P99Ms, long Non200)
{
    public static double Percentile(List<long> sortedTicks, double fraction) =>
        sortedTicks.Count == 0 ? 0 : TicksToMs(sortedTicks[Math.Clamp((int)Math.Ceiling(fraction * sortedTicks.Count) - 1, 0, sortedTicks.Count - 1)]);

    public static double TicksToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
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
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => ClientLoopAsync(http, requests, c, measureFrom, measureTo, cancellationToken)));

        var latencies = perClient.SelectMany(r => r.Latencies).ToList();
        latencies.Sort();
        var seconds = duration.TotalSeconds;
        return new LoadResult(
            scenario, clients, seconds, latencies.Count, latencies.Count / seconds,
            LoadResult.Percentile(latencies, 0.50), LoadResult.Percentile(latencies, 0.95), LoadResult.Percentile(latencies, 0.99),
            perClient.Sum(r => r.Non200));
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
