using System.Globalization;
using Mapper.Console.Monitoring;

namespace Mapper.Console.Incidents;

/// <summary>
/// The SLIs across a span, from the stored minutes (values at each minute's end) and, where it reaches, the last hour
/// kept in memory (a point every 10 s): the incident chart's series and the nearest reading for an event that has no
/// audit row of its own.
/// </summary>
public sealed class SliReadings(SliHistory history)
{
    /// <summary>An event further than this from any reading has no snapshot rather than a misleading one.</summary>
    public static readonly TimeSpan MaxDistance = TimeSpan.FromMinutes(5);

    public sealed record Series(IReadOnlyList<HistoryPoint> Points, IReadOnlySet<DateTimeOffset> FromMemory)
    {
        public SliReading? Nearest(DateTimeOffset at)
        {
            if (Points.Count == 0)
            {
                return null;
            }

            var best = Points.MinBy(p => (p.At - at).Duration())!;
            if ((best.At - at).Duration() > MaxDistance)
            {
                return null;
            }

            var source = FromMemory.Contains(best.At)
                ? "sample at " + best.At.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"
                : "minute ending " + best.At.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";
            return new SliReading(best.At, source, best.SchemaValidPercent, best.FallbackPercent, best.P95LatencySeconds, best.Http5xxPercent);
        }
    }

    public async Task<Series> LoadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var memory = history.Recent(SliHistory.MemorySpan).Where(p => p.At >= from - MaxDistance && p.At <= to + MaxDistance).ToList();
        var memoryFrom = memory.Count == 0 ? DateTimeOffset.MaxValue : memory[0].At;
        var minutes = await history.MinutesAsync(from - MaxDistance - TimeSpan.FromMinutes(1), to + MaxDistance, cancellationToken);
        var stored = minutes
            .Select(m => new HistoryPoint(m.MinuteStart.AddMinutes(1), m.Requests, m.SchemaValidPercent, m.FallbackPercent, m.P95LatencySeconds, m.Http5xxPercent, m.MaxQueueLagSeconds))
            .Where(p => p.At < memoryFrom);
        return new Series([.. stored.Concat(memory).OrderBy(p => p.At)], memory.Select(p => p.At).ToHashSet());
    }

    /// <summary>At most <paramref name="points"/> points over [from, to]: each the worst of its bucket, so a short breach shows.</summary>
    public static IReadOnlyList<HistoryPoint> ForChart(Series series, DateTimeOffset from, DateTimeOffset to, int points = 240)
    {
        var inside = series.Points.Where(p => p.At >= from && p.At <= to).ToList();
        var width = Math.Max(1, (to - from).Ticks / points);
        return [.. inside.GroupBy(p => (p.At - from).Ticks / width).Select(g => new HistoryPoint(
            g.First().At, g.Sum(p => p.Requests), g.Min(p => p.SchemaValidPercent), g.Max(p => p.FallbackPercent),
            g.Max(p => p.P95LatencySeconds), g.Max(p => p.Http5xxPercent), g.Max(p => p.QueueLagSeconds)))];
    }
}
