using System.Globalization;
using System.Text;
using System.Text.Json;
using Mapper.Console.Actions;
using Mapper.Console.Store;

namespace Mapper.Console.Admin;

/// <summary><c>/api/v1/audit</c>: page and filter, verify the chain, export as CSV or JSON, and what was live at a time.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("audit");
        group.MapGet("", async (HttpContext c, AuditQueries audit, int? page, int? size) =>
        {
            if (Filter(c) is not { } filter)
            {
                return AdminResults.Invalid(c, "from, to: ISO-8601 times, e.g. 2026-12-01T14:00:00Z");
            }

            return Results.Json(await audit.PageAsync(filter, page ?? 1, size ?? 50, c.RequestAborted), AdminJson.Responses);
        }).WithSummary("Audit rows, newest first; filter by actor, action (or its family), door, result, from, to").Produces<AuditPage>();

        group.MapGet("/verify", async (AuditQueries audit, CancellationToken ct) => Results.Json(await audit.VerifyAsync(ct), AdminJson.Responses))
            .WithSummary("Walk the hash chain; names the first broken row").Produces<AuditVerdict>();

        group.MapGet("/live-at", async (HttpContext c, AuditQueries audit, string? at) =>
        {
            if (!TryTime(at, out var when) || when is null)
            {
                return AdminResults.Invalid(c, "at: required, an ISO-8601 time, e.g. 2026-12-01T14:00:00Z");
            }

            var found = await audit.LiveAtAsync(when.Value, c.RequestAborted);
            return found is null
                ? AdminErrorWriter.Result(c, StatusCodes.Status404NotFound, "NOT_FOUND", "nothing was recorded as live at that time (before the store began)")
                : Results.Json(new LiveAtView(found.At, found.AuditId, found.Actor, found.Action, found.ChangedAt, LiveStateView.From(found.Live)), AdminJson.Responses);
        }).WithSummary("The controls and the adapter in force at a past moment, from the log").Produces<LiveAtView>();

        group.MapGet("/export", async (HttpContext c, AuditQueries audit, string? format) =>
        {
            if (Filter(c) is not { } filter || format is not (null or "csv" or "json"))
            {
                return AdminResults.Invalid(c, "format: csv or json; from, to: ISO-8601 times");
            }

            var csv = format != "json";
            c.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/json";
            c.Response.Headers.ContentDisposition = $"attachment; filename=\"mapper-audit.{(csv ? "csv" : "json")}\"";
            await (csv ? AuditExport.WriteCsvAsync(c.Response.Body, audit.StreamAsync(filter, c.RequestAborted)) : AuditExport.WriteJsonAsync(c.Response.Body, audit.StreamAsync(filter, c.RequestAborted)));
            return Results.Empty;
        }).WithSummary("Every matching row, oldest first, as CSV or JSON");
        return api;
    }

    internal static AuditFilter? Filter(HttpContext c)
    {
        var q = c.Request.Query;
        if (!TryTime(q["from"], out var from) || !TryTime(q["to"], out var to))
        {
            return null;
        }

        return new AuditFilter(Text(q["actor"]), Text(q["action"]), Text(q["door"]), from, to, Text(q["result"]));
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryTime(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }
}

public sealed record LiveAtView(DateTimeOffset At, long AuditId, string ChangedBy, string Action, DateTimeOffset ChangedAt, LiveStateView Live);

/// <summary>A live state as JSON readers expect it (the same fields the audit row stores).</summary>
public sealed record LiveStateView(long Epoch, string Mode, double Threshold, IReadOnlyDictionary<string, double> DetectorThresholds, int MaxBatchSize, double MaxBatchWaitMs, double ModelTimeBudgetMs, string? Adapter, int AdapterRevision, DateTimeOffset? KillSwitchRevertAt)
{
    public static LiveStateView From(LiveState live)
    {
        var c = live.Controls;
        return new(c.Epoch, Mapper.Engine.EngineOptions.ModeName(c.Mode), c.GlobalThreshold, c.DetectorThresholds, c.MaxBatchSize, c.MaxBatchWait.TotalMilliseconds,
            c.ModelTimeBudget.TotalMilliseconds, c.ActiveAdapter, c.AdapterRevision, live.KillSwitchRevertAt);
    }
}

/// <summary>Streams audit rows as CSV (RFC 4180, formula-safe) or a JSON array.</summary>
public static class AuditExport
{
    private static readonly string[] Columns =
        ["id", "occurred_at", "recorded_at", "actor", "role", "door", "action", "target", "old_value", "new_value", "reason", "result", "detail", "request_id", "incident_id", "epoch",
         "schema_valid_percent", "fallback_percent", "p95_latency_seconds", "http_5xx_percent", "live", "previous_hash", "hash"];

    public static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<AuditEntry> rows)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', Columns));
        await foreach (var e in rows)
        {
            string?[] values =
            [
                N(e.Id), UtcTextConverter.Format(e.OccurredAt), UtcTextConverter.Format(e.RecordedAt), e.Actor, e.Role, e.Door, e.Action, e.Target, e.OldValue, e.NewValue,
                e.Reason, e.Result, e.Detail, e.RequestId, e.IncidentId is { } i ? N(i) : null, N(e.Epoch), D(e.SchemaValidPercent), D(e.FallbackPercent),
                D(e.P95LatencySeconds), D(e.Http5xxPercent), e.Live, e.PreviousHash, e.Hash,
            ];
            await writer.WriteLineAsync(string.Join(',', values.Select(Field)));
        }
    }

    public static async Task WriteJsonAsync(Stream output, IAsyncEnumerable<AuditEntry> rows)
    {
        await using var writer = new Utf8JsonWriter(output);
        writer.WriteStartArray();
        await foreach (var e in rows)
        {
            JsonSerializer.SerializeToElement(e, AdminJson.Responses).WriteTo(writer); // Serialize(writer, ...) flushes synchronously: Kestrel refuses that
            if (writer.BytesPending > 16 * 1024)
            {
                await writer.FlushAsync();
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync();
    }

    /// <summary>Quotes when needed; a leading = + - @ is prefixed with ' so a spreadsheet never runs a reason as a formula.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? D(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
