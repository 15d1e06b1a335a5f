using System.Globalization;
using System.Text.Json.Nodes;

namespace Mapper.EndToEnd.Tests.Support;

/// <summary>The admin API's drills, alerts and incidents, as a script (or a test's set-up and clean-up) calls them.</summary>
public sealed partial class AdminApi
{
    /// <summary><c>POST /api/v1/drills</c> (admin): the fault goes live once its audit row is written.</summary>
    public Task<JsonNode> StartDrillAsync(string kind, double minutes, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(_client, HttpMethod.Post, "/api/v1/drills", new JsonObject { ["kind"] = kind, ["for_minutes"] = minutes, ["reason"] = reason }, cancellationToken);

    /// <summary>The running drill (<c>running</c> is null when none runs).</summary>
    public Task<JsonNode> DrillAsync(CancellationToken cancellationToken = default) => GetAsync("/api/v1/drills", cancellationToken);

    /// <summary>Ends the running drill, if one runs (a test's clean-up: nothing to stop is not a failure).</summary>
    public async Task StopDrillIfRunningAsync(CancellationToken cancellationToken = default)
    {
        if ((await DrillAsync(cancellationToken))["running"] is JsonObject)
        {
            var (status, body) = await TrySendAsync(HttpMethod.Delete, "/api/v1/drills", null, cancellationToken);
            if (status != 200)
            {
                throw new InvalidOperationException($"DELETE /api/v1/drills: {status} {body?.ToJsonString()}");
            }
        }
    }

    /// <summary>Turns the kill switch off if it is on (a test's clean-up).</summary>
    public async Task KillSwitchOffIfOnAsync(string reason, CancellationToken cancellationToken = default)
    {
        if ((bool?)(await ControlsAsync(cancellationToken))["kill_switch"]?["on"] == true)
        {
            await SetKillSwitchAsync(on: false, reason, cancellationToken);
        }
    }

    /// <summary>Every alert now: <c>GET /api/v1/alerts</c>'s <c>alerts</c>.</summary>
    public async Task<JsonArray> AlertsAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync("/api/v1/alerts", cancellationToken))["alerts"]!.AsArray();

    /// <summary>One alert's transitions, newest first.</summary>
    public async Task<JsonArray> AlertHistoryAsync(string alert, CancellationToken cancellationToken = default) =>
        (await GetAsync("/api/v1/alerts/history?alert=" + Uri.EscapeDataString(alert), cancellationToken)).AsArray();

    /// <summary>Open incidents, then the recently resolved ones.</summary>
    public async Task<JsonArray> IncidentsAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync("/api/v1/incidents", cancellationToken)).AsArray();

    /// <summary><c>PATCH /api/v1/incidents/{id}</c> with a new summary (the incident page has no summary field).</summary>
    public Task<JsonNode> SetIncidentSummaryAsync(long id, string summary, CancellationToken cancellationToken = default) =>
        SendAsync(_client, HttpMethod.Patch, "/api/v1/incidents/" + Id(id), new JsonObject { ["summary"] = summary }, cancellationToken);

    public Task<JsonNode> SetIncidentStatusAsync(long id, string status, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(_client, HttpMethod.Put, $"/api/v1/incidents/{Id(id)}/status", new JsonObject { ["status"] = status, ["reason"] = reason }, cancellationToken);

    /// <summary>The post-mortem Markdown, <c>GET /api/v1/incidents/{id}/export</c>.</summary>
    public Task<string> PostMortemAsync(long id, CancellationToken cancellationToken = default) =>
        GetTextAsync($"/api/v1/incidents/{Id(id)}/export", cancellationToken);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
