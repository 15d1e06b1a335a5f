using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Console.Store;
using Mapper.Engine.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Incidents;

/// <summary>
/// The JSON body of a page: what escalated and why, the alert (if any) as it stands, the incident with its link (or
/// that there is none), and the SLIs at the moment of delivery. Metadata only.
/// </summary>
public sealed class EscalationPayloads(IDbContextFactory<MapperDbContext> store, AlertEvaluator alerts, MapperTelemetry telemetry, EscalationOptions options)
{
    public async Task<byte[]?> BuildAsync(long escalationId, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        if (await db.Escalations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == escalationId, cancellationToken) is not { } escalation)
        {
            return null;
        }

        var incident = escalation.IncidentId is { } id ? await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) : null;
        var body = new JsonObject
        {
            ["event"] = "escalation",
            ["escalation_id"] = escalation.Id,
            ["kind"] = escalation.Alert is null ? "manual" : "alert",
            ["at"] = Time(escalation.At),
            ["requested_by"] = escalation.RequestedBy,
            ["reason"] = escalation.Reason,
            ["alert"] = escalation.Alert is { } name ? Alert(name, escalation.FiringSince) : null,
            ["incident"] = incident is null ? null : Incident(incident),
            ["incident_note"] = incident is null ? "no incident is open for this escalation" : null,
            ["slis"] = Slis(telemetry.Snapshot()),
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    /// <summary>The incident page's address as the secondary reaches it (a path when Escalation:ConsoleUrl is not set).</summary>
    public string Link(long incident) => options.ConsoleUrl.TrimEnd('/') + "/incidents/" + incident.ToString(CultureInfo.InvariantCulture);

    private JsonObject Alert(string name, DateTimeOffset? firingSince)
    {
        var status = alerts.Current.FirstOrDefault(a => a.Name == name);
        return new JsonObject
        {
            ["name"] = name,
            ["severity"] = status?.Definition.Severity,
            ["state"] = status?.StateName,
            ["firing_since"] = firingSince is { } f ? Time(f) : null,
            ["value"] = status?.Value,
            ["condition"] = status?.Definition.ConditionText,
            ["summary"] = status?.Definition.Summary,
            ["runbook"] = status is null ? null : options.ConsoleUrl.TrimEnd('/') + status.RunbookLink,
        };
    }

    private JsonObject Incident(Incident incident) => new()
    {
        ["id"] = incident.Id,
        ["title"] = incident.Title,
        ["severity"] = incident.Severity,
        ["status"] = incident.Status,
        ["commander"] = incident.Commander,
        ["started_at"] = Time(incident.StartedAt),
        ["url"] = Link(incident.Id),
    };

    private static JsonObject Slis(SliSnapshot s) => new()
    {
        ["window_minutes"] = s.Window.TotalMinutes,
        ["requests"] = s.Requests,
        ["schema_valid_percent"] = s.SchemaValidPercentage,
        ["fallback_percent"] = s.Requests == 0 ? null : s.FallbackPercentage,
        ["p95_latency_seconds"] = s.P95LatencySeconds,
        ["http_5xx_percent"] = s.Http5xxPercentage,
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
