using Mapper.Engine.Telemetry;

namespace Mapper.Console.Runbooks.Panels;

/// <summary>Errors by <c>error_code</c>: since the console started, and since <see cref="ErrorCounts.Since"/>.</summary>
public sealed record ErrorCount(string Code, double Total, double Recent);

/// <summary>The error counts and how far back <see cref="ErrorCount.Recent"/> reaches (at most the SLI window).</summary>
public sealed record ErrorCounts(IReadOnlyList<ErrorCount> Codes, DateTimeOffset? Since);

/// <summary>
/// Recent errors from the cumulative <c>mapper_errors_total</c> counters: each read keeps the totals (one set per
/// 10 seconds, for one SLI window), so "recent" is the total now minus the oldest kept total within the window. It
/// is fed by the errors panel as it renders on each sample, not by a subscription of its own, so right after the
/// panel first opens "recent" reaches back only that far, and the panel says since when.
/// </summary>
public sealed class ErrorHistory(MapperTelemetry telemetry, SloOptions slo)
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Queue<(DateTimeOffset At, IReadOnlyDictionary<string, double> Totals)> _kept = new();

    public ErrorCounts Read(DateTimeOffset now)
    {
        var totals = telemetry.Summary().Counters.Errors;
        (DateTimeOffset At, IReadOnlyDictionary<string, double> Totals) baseline;
        lock (_lock)
        {
            if (_kept.Count == 0 || now - _kept.Last().At >= Step)
            {
                _kept.Enqueue((now, totals));
            }

            while (_kept.Count > 1 && now - _kept.Peek().At > slo.Window)
            {
                _kept.Dequeue();
            }

            baseline = _kept.Peek();
        }

        var codes = totals.Keys.Union(ErrorCodes.All)
            .Select(code => new ErrorCount(code, totals.GetValueOrDefault(code), totals.GetValueOrDefault(code) - baseline.Totals.GetValueOrDefault(code)))
            .OrderByDescending(c => c.Recent).ThenByDescending(c => c.Total).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new ErrorCounts(codes, baseline.At);
    }
}
