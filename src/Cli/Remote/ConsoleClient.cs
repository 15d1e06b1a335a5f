using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mapper.Cli.Remote;

/// <summary>
/// The admin API over HTTP: one bearer token, <c>X-Mapper-Client: cli</c> on every call (the audit log records the
/// door as cli), and every failure turned into a <see cref="ConsoleCallException"/> with the exit code it means.
/// </summary>
public sealed class ConsoleClient : IDisposable
{
    public const string ClientHeader = "X-Mapper-Client";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly string Version = typeof(ConsoleClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <summary>The admin API reads snake_case and refuses unknown fields; an absent optional field is left out, not sent as null.</summary>
    private static readonly JsonSerializerOptions RequestJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;
    private readonly bool _withToken;

    public ConsoleClient(Uri baseUrl, string? token, HttpMessageHandler? handler)
    {
        BaseUrl = baseUrl;
        _withToken = token is not null;
        // A caller's handler (the in-memory console in tests) outlives this client; a real one is ours to dispose.
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
            : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout;
        _http.DefaultRequestHeaders.Add(ClientHeader, "cli");
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("mapper-cli", Version));
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>The console's address, ending in a slash so relative paths keep any base path (a reverse proxy's prefix).</summary>
    public Uri BaseUrl { get; }

    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>Sends <paramref name="body"/> (if any) as JSON and returns the answer's JSON; a non-2xx answer throws.</summary>
    public async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonNode.Parse(text) ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            throw new ConsoleCallException(ExitCodes.Failed, $"{Url(path)} answered HTTP {(int)response.StatusCode} with something that is not JSON: is this a Mapper console?");
        }
    }

    /// <summary>A successful answer whose body the caller streams (exports can be large); the caller disposes it.</summary>
    public Task<HttpResponseMessage> OpenAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Url(path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: RequestJson);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(Describe(e));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable($"no answer within {Timeout.TotalSeconds:0} s");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await RefusalAsync(response, path, cancellationToken);
        }
    }

    private Uri Url(string path) => new(BaseUrl, path);

    private ConsoleCallException Unreachable(string why) =>
        new(ExitCodes.Unreachable, $"cannot reach the console at {BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')}: {why}")
        {
            ErrorCode = "UNREACHABLE",
        };

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "host not found (DNS)",
        HttpRequestError.SecureConnectionError => "TLS handshake failed (" + e.Message + ")",
        _ when e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        _ when e.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut } => "connection timed out",
        _ when e.InnerException is SocketException s => s.Message,
        _ => e.Message,
    };

    /// <summary>The contract's error body quoted as the message; 400 and 422 are bad input (exit 2), every other refusal exit 1.</summary>
    private async Task<ConsoleCallException> RefusalAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var exit = status is 400 or 422 ? ExitCodes.BadInput : ExitCodes.Failed;
        JsonNode? body = null;
        try
        {
            body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (JsonException)
        {
            // Not the admin API's error shape (a proxy's page, a wrong URL): said below without quoting it.
        }

        if (body?["detail"] is JsonObject detail && detail["message"]?.GetValueKind() == JsonValueKind.String)
        {
            var code = detail["error_code"]?.GetValue<string>();
            var hint = status == 401 && _withToken
                ? $"\n  the token was refused (expired, revoked, or its account disabled): run `mapper login --user NAME --url {TokenFile.Key(BaseUrl)}`"
                : "";
            return new ConsoleCallException(exit, $"{detail["message"]!.GetValue<string>()} (HTTP {status} {code}){hint}", body) { Status = status, ErrorCode = code };
        }

        return new ConsoleCallException(exit, $"{Url(path)} answered HTTP {status} {response.ReasonPhrase}, not an answer of the Mapper admin API: is --url right?")
        {
            Status = status,
        };
    }
}

/// <summary>The console refused, failed or could not be reached; <see cref="ExitCode"/> is what the tool exits with.</summary>
public sealed class ConsoleCallException(int exitCode, string message, JsonNode? body = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The console's error body (<c>{"detail": {...}}</c>), when it sent one.</summary>
    public JsonNode? Body { get; } = body;

    public int? Status { get; init; }

    public string? ErrorCode { get; init; }
}
