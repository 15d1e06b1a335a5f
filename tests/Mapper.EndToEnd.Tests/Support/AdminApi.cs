using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Mapper.EndToEnd.Tests.Support;

/// <summary>
/// The console's admin API (<c>/api/v1</c>) and mapping API as a script drives them: a bearer token from a user name
/// and password, then JSON requests. Tests set up users and state through it, never through the store.
/// </summary>
public sealed partial class AdminApi : IDisposable
{
    private readonly HttpClient _client;

    private AdminApi(HttpClient client) => _client = client;

    /// <summary>Signs in as <paramref name="user"/> with <c>POST /api/v1/tokens</c> and keeps the token for every call.</summary>
    public static async Task<AdminApi> SignInAsync(Uri baseAddress, string user, string password, CancellationToken cancellationToken = default)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var body = await SendAsync(client, HttpMethod.Post, "/api/v1/tokens", new JsonObject { ["user"] = user, ["password"] = password, ["name"] = "e2e" }, cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body["secret"]!);
        return new AdminApi(client);
    }

    public Task<JsonNode> AddUserAsync(string name, string role, string password, CancellationToken cancellationToken = default) =>
        SendAsync(_client, HttpMethod.Post, "/api/v1/users",
            new JsonObject { ["name"] = name, ["role"] = role, ["password"] = password, ["reason"] = "end-to-end test account" }, cancellationToken);

    public Task<JsonNode> SetKillSwitchAsync(bool on, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(_client, HttpMethod.Put, "/api/v1/controls/kill-switch", new JsonObject { ["on"] = on, ["reason"] = reason }, cancellationToken);

    public Task<JsonNode> SetThresholdAsync(double value, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(_client, HttpMethod.Put, "/api/v1/controls/threshold", new JsonObject { ["value"] = value, ["reason"] = reason }, cancellationToken);

    public Task<JsonNode> SetDetectorThresholdAsync(string detector, double value, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(_client, HttpMethod.Put, "/api/v1/controls/thresholds/" + Uri.EscapeDataString(detector), new JsonObject { ["value"] = value, ["reason"] = reason }, cancellationToken);

    public Task<JsonNode> ClearDetectorThresholdAsync(string detector, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(_client, HttpMethod.Delete, "/api/v1/controls/thresholds/" + Uri.EscapeDataString(detector), new JsonObject { ["reason"] = reason }, cancellationToken);

    public Task<JsonNode> ControlsAsync(CancellationToken cancellationToken = default) => GetAsync("/api/v1/controls", cancellationToken);

    public Task<JsonNode> HealthAsync(CancellationToken cancellationToken = default) => GetAsync("/health", cancellationToken);

    /// <summary><c>POST /map</c> as a detector integration sends it; the answer (with its <c>notes</c>).</summary>
    public Task<JsonNode> MapAsync(string detector, string output, CancellationToken cancellationToken = default) =>
        SendAsync(_client, HttpMethod.Post, "/map", new JsonObject { ["detector"] = detector, ["output"] = output, ["tenant_id"] = "e2e" }, cancellationToken);

    /// <summary>The decisions the engine keeps (metadata only), oldest first: <c>GET /api/v1/decisions/recent</c>.</summary>
    public async Task<JsonArray> RecentDecisionsAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync("/api/v1/decisions/recent", cancellationToken)).AsArray();

    /// <summary><c>GET /metrics/summary</c>: the SLIs over their window and the counters since start.</summary>
    public Task<JsonNode> MetricsSummaryAsync(CancellationToken cancellationToken = default) => GetAsync("/metrics/summary", cancellationToken);

    /// <summary>Audit rows, newest first; <paramref name="query"/> is the filter part of the URL (e.g. <c>action=playground.run</c>).</summary>
    public async Task<JsonArray> AuditAsync(string query, CancellationToken cancellationToken = default) =>
        (await GetAsync("/api/v1/audit?" + query, cancellationToken))["rows"]!.AsArray();

    public Task<JsonNode> StartTrainingAsync(bool activate, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(_client, HttpMethod.Post, "/api/v1/adapters/training", new JsonObject { ["activate"] = activate, ["reason"] = reason }, cancellationToken);

    /// <summary>The current or last training run (<c>run</c> is absent before the first).</summary>
    public Task<JsonNode> TrainingAsync(CancellationToken cancellationToken = default) => GetAsync("/api/v1/adapters/training", cancellationToken);

    public Task<JsonNode> RollbackAdapterAsync(string version, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(_client, HttpMethod.Post, "/api/v1/adapters/rollback", new JsonObject { ["version"] = version, ["reason"] = reason }, cancellationToken);

    /// <summary>A request whose refusal is the point: the status code and the body, whatever they are.</summary>
    public async Task<(int Status, JsonNode? Body)> TrySendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await _client.GetAsync(path, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {text}");
    }

    public void Dispose() => _client.Dispose();

    private async Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) => JsonNode.Parse(await GetTextAsync(path, cancellationToken))!;

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!
            : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
    }
}
