using Mapper.Console.Store;
using Mapper.Engine.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Monitoring;

/// <summary>One point of an SLI history chart: the rolling-window values at that moment (null means no data).</summary>
public sealed record HistoryPoint(DateTimeOffset At, long Requests, double? SchemaValidPercent, double? FallbackPercent, double? P95LatencySeconds, double? Http5xxPercent, double QueueLagSeconds);

/// <summary>
/// The SLIs over time: the last hour in memory (a point every <see cref="PointInterval"/>, from the sampler), and
/// one row a minute in the store for the SLO window (per-minute counts and the window's values), pruned after
/// <see cref="SloOptions.HistoryDays"/>.
/// </summary>
public sealed partial class SliHistory(IDbContextFactory<MapperDbContext> store, MapperTelemetry telemetry, SloOptions slo, ILogger<SliHistory> logger)
{
    public static readonly TimeSpan PointInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MemorySpan = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private readonly Queue<HistoryPoint> _points = new();
    private DateTimeOffset _lastPoint = DateTimeOffset.MinValue;
    private (DateTimeOffset Start, SliTotals Totals)? _minute;
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    /// <summary>Changes whenever a point is added, so a chart re-renders only when its data changed.</summary>
    public long Version { get; private set; }

    public IReadOnlyList<HistoryPoint> Recent(TimeSpan span)
    {
        lock (_lock)
        {
            var from = _points.Count == 0 ? DateTimeOffset.MaxValue : _points.Last().At - span;
            return [.. _points.Where(p => p.At >= from)];
        }
    }

    /// <summary>Takes one sample: a chart point every 10 s, a stored row at each minute boundary.</summary>
    public async Task RecordAsync(EngineSample sample, CancellationToken cancellationToken)
    {
        AddPoint(sample);
        var totals = telemetry.Windows.Totals();
        var minute = new DateTimeOffset(sample.At.UtcTicks - (sample.At.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        if (_minute is not { } open)
        {
            _minute = (minute, totals);
            return;
        }

        if (minute <= open.Start)
        {
            return;
        }

        _minute = (minute, totals);
        await WriteMinuteAsync(open.Start, totals.Minus(open.Totals), sample.Slis, cancellationToken);
        if (sample.At - _lastPrune > TimeSpan.FromHours(1))
        {
            _lastPrune = sample.At;
            await PruneAsync(sample.At - TimeSpan.FromDays(slo.HistoryDays), cancellationToken);
        }
    }

    /// <summary>The minute in progress (not yet stored): its start and the counts so far, given the totals now.</summary>
    public (DateTimeOffset Start, SliTotals Counts)? OpenMinute(SliTotals now) =>
        _minute is { } open ? (open.Start, now.Minus(open.Totals)) : null;

    /// <summary>Stored minutes from <paramref name="from"/> to <paramref name="to"/>, oldest first.</summary>
    public async Task<IReadOnlyList<SliMinute>> MinutesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        return await db.SliMinutes.AsNoTracking().Where(m => m.MinuteStart >= from && m.MinuteStart <= to).OrderBy(m => m.MinuteStart).ToListAsync(cancellationToken);
    }

    private void AddPoint(EngineSample sample)
    {
        lock (_lock)
        {
            if (sample.At - _lastPoint < PointInterval)
            {
                return;
            }

            var s = sample.Slis;
            _points.Enqueue(new HistoryPoint(sample.At, s.Requests, s.SchemaValidPercentage, s.Requests == 0 ? null : s.FallbackPercentage, s.P95LatencySeconds, s.Http5xxPercentage, s.QueueLagSeconds));
            _lastPoint = sample.At;
            while (_points.Count > 0 && _points.Peek().At < sample.At - MemorySpan)
            {
                _points.Dequeue();
            }

            Version++;
        }
    }

    private async Task WriteMinuteAsync(DateTimeOffset start, SliTotals counts, SliSnapshot window, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await store.CreateDbContextAsync(cancellationToken);
            if (await db.SliMinutes.AnyAsync(m => m.MinuteStart == start, cancellationToken))
            {
                return;
            }

            db.SliMinutes.Add(new SliMinute
            {
                MinuteStart = start,
                Requests = counts.Requests,
                Fallbacks = counts.Fallbacks,
                ChosenFallbacks = counts.ChosenFallbacks,
                ModelValid = counts.ModelValid,
                ModelInvalid = counts.ModelInvalid,
                HttpResponses = counts.HttpResponses,
                Http5xx = counts.Http5xx,
                SchemaValidPercent = window.SchemaValidPercentage,
                FallbackPercent = window.Requests == 0 ? null : window.FallbackPercentage,
                P95LatencySeconds = window.P95LatencySeconds,
                Http5xxPercent = window.Http5xxPercentage,
                MaxQueueLagSeconds = window.MaxQueueLagSeconds,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // History is best effort: a full disk loses a minute of charts, never the service.
            LogWriteFailed(logger, e, start);
        }
    }

    private async Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        await db.SliMinutes.Where(m => m.MinuteStart < before).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "Could not store the SLI minute starting {Minute}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, DateTimeOffset minute);
}
