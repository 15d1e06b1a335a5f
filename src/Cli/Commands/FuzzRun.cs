using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Mapper.Cli.Commands;

/// <summary>A fuzz case the console answered with a 5xx, enough to find it again (same seed, same index).</summary>
public sealed record FuzzFailure(int Index, string Kind, string Path, string? ContentType, int Status, string BodyStart);

/// <summary>What a fuzz run saw: answers by status, and by how the body was made.</summary>
public sealed record FuzzRunResult(
    int Bodies, int Seed, int Clients, double Seconds, SortedDictionary<string, long> Statuses,
    SortedDictionary<string, SortedDictionary<string, long>> ByKind, long FiveXx, long FailedExchanges, IReadOnlyList<FuzzFailure> First5xx);

/// <summary>
/// Sends <c>bodies</c> fuzz cases to a running console over <c>clients</c> keep-alive connections. The cases
/// are drawn in order from one seeded <see cref="FuzzBodies"/>, so a seed names the same set however the
/// clients interleave. A failed exchange (no HTTP answer at all) is counted apart from the statuses.
/// </summary>
public static class FuzzRun
{
    private const int KeptFailures = 10;

    public static async Task<FuzzRunResult> RunAsync(Uri address, int bodies, int seed, int clients, CancellationToken cancellationToken)
    {
        var generator = new FuzzBodies(seed);
        var next = 0;
        var statuses = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var byKind = new SortedDictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        var failures = new List<FuzzFailure>();
        long fiveXx = 0, failed = 0;
        using var http = HttpLoad.Client(address, clients);
        var started = Stopwatch.GetTimestamp();

        async Task WorkerAsync()
        {
            while (true)
            {
                int index;
                FuzzCase fuzz;
                lock (generator)
                {
                    if (next >= bodies)
                    {
                        return;
                    }

                    index = next++;
                    fuzz = generator.Next();
                }

                var status = await SendAsync(http, fuzz, cancellationToken);
                lock (statuses)
                {
                    var key = status == 0 ? "no_answer" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    statuses[key] = statuses.GetValueOrDefault(key) + 1;
                    var kind = byKind.TryGetValue(fuzz.Kind, out var counts) ? counts : byKind[fuzz.Kind] = new(StringComparer.Ordinal);
                    kind[key] = kind.GetValueOrDefault(key) + 1;
                    failed += status == 0 ? 1 : 0;
                    if (status >= 500)
                    {
                        fiveXx++;
                        if (failures.Count < KeptFailures)
                        {
                            failures.Add(new FuzzFailure(index, fuzz.Kind, fuzz.Path, fuzz.ContentType, status, Printable(fuzz.Body)));
                        }
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(WorkerAsync, cancellationToken)));
        return new FuzzRunResult(bodies, seed, clients, Stopwatch.GetElapsedTime(started).TotalSeconds, statuses, byKind, fiveXx, failed, failures);
    }

    private static async Task<int> SendAsync(HttpClient http, FuzzCase fuzz, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, fuzz.Path) { Content = new ByteArrayContent(fuzz.Body) };
        message.Content.Headers.ContentType = null;
        if (fuzz.ContentType is not null)
        {
            message.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
        }

        foreach (var (name, value) in fuzz.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

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

    /// <summary>The first bytes of a body as printable ASCII (others as \xNN), for the report of a failure.</summary>
    private static string Printable(byte[] body)
    {
        var text = new StringBuilder();
        foreach (var b in body.Take(160))
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return body.Length > 160 ? text.Append($"... ({body.Length} bytes)").ToString() : text.ToString();
    }
}

/// <summary>Whether the console is still well after the fuzz: GET /health and one ordinary /map.</summary>
public sealed record FuzzHealth(int HealthStatus, int MapStatus, string? MapLabel, bool Healthy)
{
    public const string ExpectedLabel = "PII.Identifier.SSN";

    public static async Task<FuzzHealth> CheckAsync(Uri address, CancellationToken cancellationToken)
    {
        using var http = HttpLoad.Client(address, 1);
        using var health = await http.GetAsync("/health", cancellationToken);
        using var content = new StringContent("""{"detector":"presidio","output":"US_SSN","tenant_id":"after-fuzz"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var map = await http.PostAsync("/map", content, cancellationToken);
        string? label = null;
        if (map.IsSuccessStatusCode)
        {
            using var json = System.Text.Json.JsonDocument.Parse(await map.Content.ReadAsStringAsync(cancellationToken));
            label = json.RootElement.GetProperty("taxonomy")[0].GetString();
        }

        var healthy = health.StatusCode == System.Net.HttpStatusCode.OK && map.StatusCode == System.Net.HttpStatusCode.OK && label == ExpectedLabel;
        return new FuzzHealth((int)health.StatusCode, (int)map.StatusCode, label, healthy);
    }
}
