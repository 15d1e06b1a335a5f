using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Mapper.Console.Incidents;

/// <summary>How one delivery ended: delivered or not, after how many attempts, and the last error seen.</summary>
public sealed record DeliveryResult(bool Delivered, int Attempts, string? LastError);

/// <summary>
/// POSTs a page to the secondary on-call's webhook: a time limit per attempt, retries with exponential backoff on a
/// network error, a timeout, a 5xx, 408 or 429 (another 4xx is the receiver saying no: it is not retried), a bounded
/// number of attempts, and with <see cref="EscalationOptions.Secret"/> an HMAC-SHA256 signature of the body.
/// </summary>
public sealed class WebhookNotifier(IHttpClientFactory clients, EscalationOptions options, TimeProvider time)
{
    public const string ClientName = "escalation-webhook";
    public const string SignatureHeader = "X-Mapper-Signature";
    public const string EventHeader = "X-Mapper-Event";
    public const string DeliveryHeader = "X-Mapper-Delivery";

    public async Task<DeliveryResult> SendAsync(Uri url, byte[] body, long escalation, CancellationToken cancellationToken)
    {
        var attempts = 0;
        string? lastError = null;
        var client = clients.CreateClient(ClientName);
        int status;
        try
        {
            status = await Pipeline().ExecuteAsync(async token =>
            {
                attempts++;
                try
                {
                    using var request = Request(url, body, escalation);
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                    var code = (int)response.StatusCode;
                    lastError = code is >= 200 and < 300 ? null : $"HTTP {code} {response.ReasonPhrase}".TrimEnd();
                    return code;
                }
                catch (HttpRequestException e)
                {
                    lastError = e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}";
                    throw;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    lastError = $"no answer within {options.TimeoutSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
                    throw;
                }
            }, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            return new DeliveryResult(false, attempts, lastError ?? e.Message);
        }

        return new DeliveryResult(status is >= 200 and < 300, attempts, lastError);
    }

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));

    private HttpRequestMessage Request(Uri url, byte[] body, long escalation)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(EventHeader, "escalation");
        request.Headers.Add(DeliveryHeader, escalation.ToString(CultureInfo.InvariantCulture));
        if (options.Secret.Length > 0)
        {
            request.Headers.Add(SignatureHeader, Sign(options.Secret, body));
        }

        return request;
    }

    private ResiliencePipeline<int> Pipeline()
    {
        var builder = new ResiliencePipelineBuilder<int> { TimeProvider = time };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<int>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(options.BackoffSeconds),
                UseJitter = false,
                ShouldHandle = new PredicateBuilder<int>().Handle<HttpRequestException>().Handle<TimeoutRejectedException>().HandleResult(Retryable),
            });
        }

        // Inside the retry: each attempt has its own time limit.
        return builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds)).Build();
    }

    private static bool Retryable(int status) => status is >= 500 or 408 or 429;
}
