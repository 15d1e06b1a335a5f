using System.Net.Http.Json;

namespace Mapper.EndToEnd.Tests.Support;

/// <summary>
/// Detector integrations calling <c>POST /map</c> in a background loop, a few requests a second, so the SLI windows
/// move (drills act only on traffic the SLIs count; playground runs never do). Every answer is accepted, a 500 too:
/// during the http-5xx drill those are the point. It counts what it got, for a failure message.
/// </summary>
public sealed class MappingTraffic : IAsyncDisposable
{
    private static readonly (string Detector, string Output)[] Outputs =
    [
        ("presidio", "US_SSN"), ("regex-pii", "ssn"), ("openai-moderation", "hate"), ("azure-content-safety", "Violence"),
    ];

    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _answered;
    private long _failed;
    private long _unreachable;

    private MappingTraffic(Uri baseAddress, TimeSpan period)
    {
        _client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _loop = Task.Run(() => RunAsync(period, _stop.Token));
    }

    /// <summary>One request every <paramref name="period"/>, from now until disposed.</summary>
    public static MappingTraffic Start(Uri baseAddress, TimeSpan period) => new(baseAddress, period);

    /// <summary>"N answered, N 5xx, N unreachable".</summary>
    public string Counts => $"{Interlocked.Read(ref _answered)} answered, {Interlocked.Read(ref _failed)} 5xx, {Interlocked.Read(ref _unreachable)} unreachable";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _client.Dispose();
    }

    private async Task RunAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period);
        var next = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var (detector, output) = Outputs[next++ % Outputs.Length];
                try
                {
                    using var response = await _client.PostAsJsonAsync("/map", new { detector, output, tenant_id = "e2e-traffic" }, cancellationToken);
                    Interlocked.Increment(ref (int)response.StatusCode >= 500 ? ref _failed : ref _answered);
                }
                catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // Refused or timed out (a loaded machine): the next tick tries again.
                    Interlocked.Increment(ref _unreachable);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed: the loop ends here.
        }
    }
}
