using Mapper.Console.Monitoring;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Runbooks.Panels;

/// <summary>Errors by <c>error_code</c>: since the console started, and in the SLI window.</summary>
public sealed record ErrorCount(string Code, double Total, double Recent);

/// <summary>The error counts and how far back <see cref="ErrorCount.Recent"/> reaches (less than the window right after start).</summary>
public sealed record ErrorCounts(IReadOnlyList<ErrorCount> Codes, DateTimeOffset? Since);

/// <summary>
/// Recent errors from the cumulative <c>mapper_errors_total</c> counters: every 10 seconds of samples it keeps the
/// totals, so "in the window" is the total now minus the total one window ago. Fed by the one sampler like the
/// history and the alerts, so the numbers are there whether or not a page is open.
/// </summary>
public sealed class ErrorHistory(EngineSampler sampler, MapperTelemetry telemetry, SloOptions slo) : IHostedService, IDisposable
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Queue<(DateTimeOffset At, IReadOnlyDictionary<string, double> Totals)> _kept = new();
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = sampler.Subscribe(sample =>
        {
            Record(sample.At);
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
    }

    /// <summary>Keeps the totals at <paramref name="at"/> if a step has passed since the last kept ones.</summary>
    public void Record(DateTimeOffset at)
    {
        lock (_lock)
        {
            if (_kept.Count > 0 && at - _kept.Last().At < Step)
            {
                return;
            }

            _kept.Enqueue((at, telemetry.Summary().Counters.Errors));
            while (_kept.Count > 1 && at - _kept.Peek().At > slo.Window + Step)
            {
                _kept.Dequeue();
            }
        }
    }

    public ErrorCounts Read(DateTimeOffset now)
    {
        var totals = telemetry.Summary().Counters.Errors;
        (DateTimeOffset At, IReadOnlyDictionary<string, double> Totals)? baseline;
        lock (_lock)
        {
            baseline = _kept.Where(k => now - k.At <= slo.Window).Select(k => ((DateTimeOffset, IReadOnlyDictionary<string, double>)?)k).FirstOrDefault();
        }

        var codes = totals.Keys.Union(ErrorCodes.All)
            .Select(code => new ErrorCount(code, totals.GetValueOrDefault(code), totals.GetValueOrDefault(code) - (baseline?.Totals.GetValueOrDefault(code) ?? 0)))
            .OrderByDescending(c => c.Recent).ThenByDescending(c => c.Total).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new ErrorCounts(codes, baseline?.At);
    }
}
