using Mapper.Console.Actions;

namespace Mapper.Console.Monitoring;

/// <summary>One row of the per-detector table over the SLI window.</summary>
public sealed record DetectorRow(string Detector, long Requests, double? FallbackPercent, double? SchemaValidPercent, double? MeanConfidence);

/// <summary>Everything the overview renders for one sample.</summary>
public sealed record OverviewView(
    EngineSample Sample,
    IReadOnlyList<GaugeView> Gauges,
    ControlsView Live,
    IReadOnlyList<DetectorRow> Detectors,
    IReadOnlyList<HistoryPoint> History,
    long HistoryVersion);

/// <summary>The overview page's one service: the view for a sample, and longer history from the store.</summary>
public sealed class OverviewService(LiveRecord live, SliHistory history)
{
    public static readonly IReadOnlyList<TimeSpan> Ranges = [TimeSpan.FromHours(1), TimeSpan.FromHours(24), TimeSpan.FromDays(7), TimeSpan.FromDays(28)];

    public OverviewView Build(EngineSample sample) => new(
        sample,
        Gauges.From(sample, live.KillSwitch),
        ControlsView.From(live),
        [.. sample.Detectors.Select(d => new DetectorRow(d.Detector, d.Requests, d.FallbackPercent, d.SchemaValidPercent, d.MeanConfidence))],
        history.Recent(SliHistory.MemorySpan),
        history.Version);

    /// <summary>
    /// History beyond the last hour, from the stored minutes, at most <paramref name="points"/> points: each the
    /// worst value of its minutes (a short breach must not average away), with requests summed.
    /// </summary>
    public async Task<IReadOnlyList<HistoryPoint>> LongRangeAsync(TimeSpan span, DateTimeOffset now, int points, CancellationToken cancellationToken)
    {
        var minutes = await history.MinutesAsync(now - span, now, cancellationToken);
        if (minutes.Count == 0)
        {
            return [];
        }

        var width = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMinute, span.Ticks / points));
        return [.. minutes
            .GroupBy(m => m.MinuteStart.UtcTicks / width.Ticks)
            .Select(g => new HistoryPoint(
                g.First().MinuteStart,
                g.Sum(m => m.Requests),
                g.Min(m => m.SchemaValidPercent),
                g.Max(m => m.FallbackPercent),
                g.Max(m => m.P95LatencySeconds),
                g.Max(m => m.Http5xxPercent),
                g.Max(m => m.MaxQueueLagSeconds)))];
    }
}
