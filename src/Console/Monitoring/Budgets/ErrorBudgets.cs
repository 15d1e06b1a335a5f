using Mapper.Console.Store;
using Mapper.Engine.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Monitoring.Budgets;

/// <summary>
/// Error budgets of the ratio SLOs (schema-valid, fallback, 5xx) over <c>Slo:BudgetWindowDays</c>, from the per-minute
/// counts in the store plus the minute in progress, with burn rates over 5 minutes, 1 hour and 6 hours. Fallbacks by
/// the kill switch are an operator's choice and are not counted against the fallback budget.
/// </summary>
public sealed class ErrorBudgets(IDbContextFactory<MapperDbContext> store, MapperTelemetry telemetry, SliHistory history, SloOptions slo, TimeProvider time)
{
    public const string FiveMinutes = "5m";
    public const string OneHour = "1h";
    public const string SixHours = "6h";

    public static readonly IReadOnlyList<(string Name, TimeSpan Span)> BurnWindows =
        [(FiveMinutes, TimeSpan.FromMinutes(5)), (OneHour, TimeSpan.FromHours(1)), (SixHours, TimeSpan.FromHours(6))];

    public const string SchemaValid = "schema-valid";
    public const string Fallback = "fallback";
    public const string Http5xx = "http-5xx";

    /// <summary>How long a computed answer is reused: panels ask every second, the store need not be read that often.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private Cached? _cached;

    /// <summary>The budgets, computed at most every <see cref="CacheFor"/>.</summary>
    public async Task<IReadOnlyList<ErrorBudget>> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _cached) is { } cached && time.GetUtcNow() - cached.At < CacheFor)
        {
            return cached.Budgets;
        }

        var budgets = await ComputeAsync(cancellationToken);
        Volatile.Write(ref _cached, new Cached(budgets, time.GetUtcNow()));
        return budgets;
    }

    public async Task<IReadOnlyList<ErrorBudget>> ComputeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var window = TimeSpan.FromDays(slo.BudgetWindowDays);
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var rows = await db.SliMinutes.AsNoTracking().Where(m => m.MinuteStart >= now - window)
            .Select(m => new Minute(m.MinuteStart, m.Requests, m.Fallbacks, m.ChosenFallbacks, m.ModelValid, m.ModelInvalid, m.HttpResponses, m.Http5xx))
            .ToListAsync(cancellationToken);
        if (history.OpenMinute(telemetry.Windows.Totals()) is { } open)
        {
            rows.Add(new Minute(open.Start, open.Counts.Requests, open.Counts.Fallbacks, open.Counts.ChosenFallbacks, open.Counts.ModelValid,
                open.Counts.ModelInvalid, open.Counts.HttpResponses, open.Counts.Http5xx));
        }

        return Compute(rows, now, window, slo);
    }

    /// <summary>The arithmetic on its own (tests check it against hand-computed cases).</summary>
    public static IReadOnlyList<ErrorBudget> Compute(IReadOnlyList<Minute> minutes, DateTimeOffset now, TimeSpan window, SloOptions slo)
    {
        (string Name, double Objective, Func<Minute, EventCounts> Counts)[] slos =
        [
            (SchemaValid, slo.SchemaValidMinPercent, m => new EventCounts(m.ModelValid + m.ModelInvalid, m.ModelInvalid)),
            (Fallback, 100 - slo.FallbackMaxPercent, m => new EventCounts(m.Requests - m.ChosenFallbacks, m.Fallbacks - m.ChosenFallbacks)),
            (Http5xx, 100 - slo.ErrorRateMaxPercent, m => new EventCounts(m.HttpResponses, m.Http5xx)),
        ];

        return [.. slos.Select(s =>
        {
            var allowed = (100 - s.Objective) / 100;
            var inWindow = Sum(minutes.Where(m => m.Start >= now - window), s.Counts);
            var recent = BurnWindows.ToDictionary(w => w.Name, w => Sum(minutes.Where(m => m.Start >= now - w.Span), s.Counts), StringComparer.Ordinal);
            return new ErrorBudget(s.Name, s.Objective, window, inWindow, recent.ToDictionary(p => p.Key, p => ErrorBudget.BurnRate(p.Value, allowed), StringComparer.Ordinal), recent);
        })];
    }

    private static EventCounts Sum(IEnumerable<Minute> minutes, Func<Minute, EventCounts> counts) =>
        minutes.Aggregate(default(EventCounts), (total, m) => total + counts(m));

    private sealed record Cached(IReadOnlyList<ErrorBudget> Budgets, DateTimeOffset At);

    /// <summary>One minute's counts (a stored row, or the minute in progress).</summary>
    public sealed record Minute(DateTimeOffset Start, long Requests, long Fallbacks, long ChosenFallbacks, long ModelValid, long ModelInvalid, long HttpResponses, long Http5xx);
}
