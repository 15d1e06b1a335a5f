using System.Globalization;
using System.Text;
using Mapper.Console.Monitoring;

namespace Mapper.Console.Incidents;

/// <summary>
/// The incident's SLI chart as one self-contained SVG (the page shows it, the post-mortem embeds it): a panel per SLI
/// with its target dashed, gaps where there was no data, and a marker at each event with its title on hover.
/// </summary>
public static class SliChartSvg
{
    private const int Width = 760;
    private const int PanelHeight = 90;
    private const int Left = 56;
    private const int Right = 12;
    private const int Gap = 26;

    private sealed record Panel(string Name, string Unit, Func<HistoryPoint, double?> Value, double? Target);

    public static string Render(IReadOnlyList<HistoryPoint> points, IReadOnlyList<TimelineEvent> events, DateTimeOffset from, DateTimeOffset to, SloTargets? targets)
    {
        Panel[] panels =
        [
            new("Schema-valid", "%", p => p.SchemaValidPercent, targets?.SchemaValidMinPercent),
            new("Fallback", "%", p => p.FallbackPercent, targets?.FallbackMaxPercent),
            new("p95 latency", " ms", p => p.P95LatencySeconds * 1000, targets is null ? null : targets.LatencyP95MaxSeconds * 1000),
            new("5xx", "%", p => p.Http5xxPercent, targets?.ErrorRateMaxPercent),
        ];
        to = to > from ? to : from.AddMinutes(1);
        var height = panels.Length * (PanelHeight + Gap) + 20;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-label=\"SLIs across the incident with its events\" font-family=\"sans-serif\" font-size=\"11\">");
        for (var i = 0; i < panels.Length; i++)
        {
            DrawPanel(svg, panels[i], points, events, from, to, i * (PanelHeight + Gap) + 14);
        }

        var bottom = height - 4;
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{bottom}\">{Esc(Utc(from))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{bottom}\" text-anchor=\"end\">{Esc(Utc(to))}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void DrawPanel(StringBuilder svg, Panel panel, IReadOnlyList<HistoryPoint> points, IReadOnlyList<TimelineEvent> events, DateTimeOffset from, DateTimeOffset to, int top)
    {
        var values = points.Select(panel.Value).OfType<double>().ToList();
        var high = Math.Max(values.DefaultIfEmpty(0).Max(), panel.Target ?? 0);
        var low = Math.Min(values.DefaultIfEmpty(0).Min(), panel.Target ?? 0);
        if (high - low < 1e-9)
        {
            high = low + 1;
        }

        double X(DateTimeOffset at) => Left + ((at - from).Ticks / (double)(to - from).Ticks * (Width - Left - Right));
        double Y(double v) => top + PanelHeight - ((v - low) / (high - low) * PanelHeight);

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{top - 3}\" font-weight=\"bold\">{Esc(panel.Name)}{(values.Count == 0 ? " (no data)" : "")}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{top}\" width=\"{Width - Left - Right}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#bbb\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{top + 10}\" text-anchor=\"end\">{Num(high)}{Esc(panel.Unit)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{top + PanelHeight}\" text-anchor=\"end\">{Num(low)}{Esc(panel.Unit)}</text>");
        if (panel.Target is { } target)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(target))}\" y2=\"{F(Y(target))}\" stroke=\"#d32f2f\" stroke-dasharray=\"4 3\"><title>target {Num(target)}{Esc(panel.Unit)}</title></line>");
        }

        foreach (var e in events.Where(e => e.OccurredAt >= from && e.OccurredAt <= to))
        {
            var x = F(X(e.OccurredAt));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" x2=\"{x}\" y1=\"{top}\" y2=\"{top + PanelHeight}\" stroke=\"{Color(e.Kind)}\" stroke-width=\"1.5\" opacity=\"0.7\" data-kind=\"{e.KindName}\"><title>{Esc(Utc(e.OccurredAt))} {e.KindName}: {Esc(Short(e.Title))}</title></line>");
        }

        // A gap (no data) breaks the line rather than being drawn as a zero.
        var segment = new List<string>();
        foreach (var p in points.Where(p => p.At >= from && p.At <= to).Cast<HistoryPoint?>().Append(null))
        {
            if (p is not null && panel.Value(p) is { } v)
            {
                segment.Add($"{F(X(p.At))},{F(Y(v))}");
                continue;
            }

            if (segment.Count > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"{string.Join(' ', segment)}\"/>");
                segment.Clear();
            }
        }
    }

    private static string Color(TimelineKind kind) => kind switch
    {
        TimelineKind.Alert => "#d32f2f",
        TimelineKind.Escalation => "#6a1b9a",
        TimelineKind.Note => "#2e7d32",
        TimelineKind.Incident => "#ef6c00",
        _ => "#455a64",
    };

    private static string Short(string text) => text.Length <= 120 ? text : text[..117] + "...";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Esc(string text) => System.Security.SecurityElement.Escape(text);
}
