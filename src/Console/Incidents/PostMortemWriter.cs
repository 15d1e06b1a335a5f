using System.Globalization;
using System.Text;
using Mapper.Console.Monitoring;

namespace Mapper.Console.Incidents;

/// <summary>
/// The post-mortem as Markdown: the summary, the impact window, the whole timeline sorted by occurred-at, the actions
/// taken with their reasons, the metric snapshots at every event as a table, the SLI chart as inline SVG, and the
/// follow-ups. Everything comes from the same projection the incident page shows.
/// </summary>
public static class PostMortemWriter
{
    public static string Write(IncidentTimelineView view, SloTargets? targets, DateTimeOffset exportedAt)
    {
        var i = view.Incident;
        var md = new StringBuilder();
        Line(md, $"# Post-mortem: incident #{i.Id}: {Inline(i.Title)}");
        Line(md, "");
        Line(md, $"Exported {Utc(exportedAt)} from the Mapper console. Times are UTC; the timeline is sorted by when things occurred.");
        Line(md, "");
        Line(md, "## Summary");
        Line(md, "");
        Line(md, "| | |");
        Line(md, "|---|---|");
        Row(md, "Severity", i.Severity);
        Row(md, "Status", i.Status);
        Row(md, "Commander", i.Commander ?? "unassigned");
        Row(md, "Opened by", $"{i.OpenedBy} at {Utc(i.OpenedAt)}");
        Row(md, "Started", Utc(i.StartedAt));
        Row(md, "Mitigated", i.MitigatedAt is { } m ? $"{Utc(m)} (time to mitigate {IncidentSummary.Span(i.TimeToMitigate)})" : "not yet");
        Row(md, "Resolved", i.ResolvedAt is { } r ? $"{Utc(r)} (time to resolve {IncidentSummary.Span(i.TimeToResolve)})" : "not yet");
        Row(md, "Alerts", i.Alerts.Count == 0 ? "none linked" : string.Join(", ", i.Alerts));
        Line(md, "");
        Line(md, i.Summary is { Length: > 0 } s ? s : "_No summary written._");
        Line(md, "");

        Line(md, "## Impact window");
        Line(md, "");
        Line(md, $"{Utc(view.WindowStart)} → {(i.ResolvedAt is null ? Utc(view.WindowEnd) + " (still open at export)" : Utc(view.WindowEnd))}, {IncidentSummary.Span(view.WindowEnd - view.WindowStart)}.");
        var inWindow = view.Chart.Where(p => p.At >= view.WindowStart && p.At <= view.WindowEnd).ToList();
        Line(md, inWindow.Count == 0
            ? "No SLI readings were stored for the window."
            : $"Worst readings in the window: schema-valid {Pct(inWindow.Min(p => p.SchemaValidPercent))}, fallback {Pct(inWindow.Max(p => p.FallbackPercent))}, " +
              $"p95 {Ms(inWindow.Max(p => p.P95LatencySeconds))}, 5xx {Pct(inWindow.Max(p => p.Http5xxPercent))}; {inWindow.Sum(p => p.Requests)} requests in the readings.");
        Line(md, "");

        Line(md, "## Timeline");
        Line(md, "");
        Line(md, "| Occurred (UTC) | Kind | What | Who | Change | Reason / detail |");
        Line(md, "|---|---|---|---|---|---|");
        foreach (var e in view.Events)
        {
            var when = Utc(e.OccurredAt) + (e.Backfilled ? $" (recorded {Utc(e.RecordedAt)})" : "");
            var change = e.From is null && e.To is null ? "" : $"{e.From ?? "—"} → {e.To ?? "—"}";
            var detail = string.Join("; ", new[] { e.Reason, e.Result is "applied" or null ? null : e.Result, e.Detail }.Where(t => !string.IsNullOrEmpty(t)));
            Line(md, $"| {when} | {e.KindName}{(e.FollowUp ? " (follow-up)" : "")} | {Cell(e.Title)} | {Cell(e.Actor ?? "")} | {Cell(change)} | {Cell(detail)} |");
        }

        Line(md, "");
        WriteActions(md, view);
        WriteSnapshots(md, view);
        Line(md, "## SLI chart");
        Line(md, "");
        Line(md, SliChartSvg.Render(view.Chart, view.Events, view.Chart.Count == 0 ? view.WindowStart : Min(view.Chart[0].At, view.WindowStart), view.WindowEnd, targets));
        Line(md, "");
        WriteFollowUps(md, view);
        return md.ToString();
    }

    private static void WriteActions(StringBuilder md, IncidentTimelineView view)
    {
        Line(md, "## Actions taken");
        Line(md, "");
        var actions = view.Events.Where(e => e.Key.StartsWith("audit:", StringComparison.Ordinal) && e.Kind != TimelineKind.Alert).ToList();
        if (actions.Count == 0)
        {
            Line(md, "No action was recorded in the window.");
        }

        foreach (var e in actions)
        {
            var change = e.From is null && e.To is null ? "" : $": {Inline(e.From ?? "—")} → {Inline(e.To ?? "—")}";
            Line(md, $"- {Utc(e.OccurredAt)} **{Inline(e.Title)}** by {Inline(e.Actor ?? "?")}{change}" + (e.Result is "applied" ? "" : $" ({e.Result})") + $". Reason: {Inline(e.Reason ?? "none given")}");
        }

        Line(md, "");
    }

    private static void WriteSnapshots(StringBuilder md, IncidentTimelineView view)
    {
        Line(md, "## Metric snapshots");
        Line(md, "");
        Line(md, "| Occurred (UTC) | Event | Schema-valid | Fallback | p95 | 5xx | Read from |");
        Line(md, "|---|---|---|---|---|---|---|");
        foreach (var e in view.Events)
        {
            var s = e.Slis;
            Line(md, $"| {Utc(e.OccurredAt)} | {e.KindName}: {Cell(Short(e.Title))} | {Pct(s?.SchemaValidPercent)} | {Pct(s?.FallbackPercent)} | {Ms(s?.P95LatencySeconds)} | {Pct(s?.Http5xxPercent)} | {Cell(s?.Source ?? "no reading within 5 min")} |");
        }

        Line(md, "");
    }

    private static void WriteFollowUps(StringBuilder md, IncidentTimelineView view)
    {
        Line(md, "## Follow-ups");
        Line(md, "");
        foreach (var e in view.Events.Where(e => e.FollowUp))
        {
            Line(md, $"- [ ] {Inline(e.Title)} ({Inline(e.Actor ?? "?")})");
        }

        Line(md, "- [ ] Check the audit chain: `mapper audit verify`.");
        Line(md, "- [ ] Review the timeline together: what fired, what was done, what helped, what the runbooks lacked.");
    }

    private static void Row(StringBuilder md, string name, string value) => Line(md, $"| {name} | {Cell(value)} |");

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');

    /// <summary>Inside a table cell: one line, pipes escaped.</summary>
    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Inline(string text) => text.ReplaceLineEndings(" ").Replace("<", "&lt;", StringComparison.Ordinal);

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static string Pct(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "no data";

    private static string Ms(double? seconds) => seconds is { } s ? (s * 1000).ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "no data";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
