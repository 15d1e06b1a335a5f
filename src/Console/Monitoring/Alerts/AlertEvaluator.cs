using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Monitoring.Alerts;

/// <summary>
/// The one alert evaluator: on every sample of the one sampler (the same numbers the gauges show) it moves each
/// alert through inactive → pending → firing → resolved, holding a condition for the alert's <c>for</c> before it
/// fires. It knows the controls: in rules-only mode the fallback alert is suppressed as expected, not paged. No data
/// is not a breach; but an alert that was firing when the console stopped keeps firing after the restart until data
/// says otherwise, instead of resolving on an empty window. Every transition is stored, so a restart resumes where it was.
/// </summary>
public sealed partial class AlertEvaluator(
    IReadOnlyList<AlertDefinition> definitions,
    EngineSampler sampler,
    IDbContextFactory<MapperDbContext> store,
    LiveRecord live,
    ILogger<AlertEvaluator> logger) : IHostedService
{
    private readonly Lock _lock = new();

    // One evaluation at a time, its transitions stored before the next starts: the sampler's own subscription and a
    // direct call can overlap, and rows stored out of order would make the history, and the state a restart resumes
    // from (the newest row), wrong.
    private readonly SemaphoreSlim _evaluating = new(1, 1);
    private Dictionary<string, AlertStatus> _current = [];
    private DateTimeOffset _evaluatedAt = DateTimeOffset.MinValue;
    private IDisposable? _subscription;

    public IReadOnlyList<AlertDefinition> Definitions => definitions;

    /// <summary>Every alert now, in catalog order.</summary>
    public IReadOnlyList<AlertStatus> Current
    {
        get
        {
            lock (_lock)
            {
                return [.. definitions.Select(d => _current.TryGetValue(d.Name, out var s) ? s : Initial(d, DateTimeOffset.MinValue))];
            }
        }
    }

    public IEnumerable<AlertStatus> Firing => Current.Where(a => a.State == AlertState.Firing);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RestoreAsync(cancellationToken);
        _subscription = sampler.Subscribe(sample => EvaluateAsync(sample, CancellationToken.None));
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>One evaluation of every alert against <paramref name="sample"/>; returns the transitions it made.</summary>
    public async Task<IReadOnlyList<AlertTransition>> EvaluateAsync(EngineSample sample, CancellationToken cancellationToken)
    {
        await _evaluating.WaitAsync(cancellationToken);
        try
        {
            var transitions = Evaluate(sample);
            if (transitions.Count > 0)
            {
                await StoreAsync(transitions, cancellationToken);
            }

            return transitions;
        }
        finally
        {
            _evaluating.Release();
        }
    }

    private List<AlertTransition> Evaluate(EngineSample sample)
    {
        var transitions = new List<AlertTransition>();
        lock (_lock)
        {
            if (sample.At < _evaluatedAt)
            {
                return transitions; // a sample that waited behind a newer one says nothing new
            }

            _evaluatedAt = sample.At;
            var next = new Dictionary<string, AlertStatus>(_current);
            foreach (var definition in definitions)
            {
                var before = next.TryGetValue(definition.Name, out var s) ? s : Initial(definition, sample.At);
                var after = Step(definition, before, sample);
                next[definition.Name] = after;
                if (after.State != before.State)
                {
                    transitions.Add(new AlertTransition
                    {
                        Alert = definition.Name, From = before.StateName, To = after.StateName, At = sample.At, FromSince = before.Since,
                        Value = after.Value, Threshold = definition.Threshold, Severity = definition.Severity, Note = after.Note,
                    });
                }
            }

            _current = next;
        }

        return transitions;
    }

    private AlertStatus Step(AlertDefinition definition, AlertStatus before, EngineSample sample)
    {
        var now = sample.At;
        var value = definition.Value(sample);
        var status = before with { Value = value, EvaluatedAt = now, Note = value is null ? "no data in the window" : null, Restored = before.Restored && value is null };
        if (definition.SuppressedBy(sample.Controls))
        {
            var note = live.KillSwitch is { } k
                ? $"expected: rules-only since {k.At.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC by {k.Actor}" + (k.Reason is { } r ? $" ({r})" : "")
                : "expected: rules-only";
            return Move(status, AlertState.Suppressed, now) with { Note = note, PendingSince = null, FiringSince = null };
        }

        var breach = value is { } v && definition.Breaches(v);
        switch (before.State)
        {
            case AlertState.Pending when breach:
                return now - before.PendingSince >= definition.For ? Move(status, AlertState.Firing, now) with { FiringSince = now } : status;
            case AlertState.Firing when breach:
                return status;
            case AlertState.Firing when value is null && before.Restored:
                return status with { Note = "holding: firing before the restart, no data since" };
            case AlertState.Firing:
                return Move(status, AlertState.Resolved, now) with { PendingSince = null, FiringSince = null };
            case AlertState.Pending or AlertState.Suppressed when !breach:
                return Move(status, AlertState.Inactive, now) with { PendingSince = null };
            default:
                if (!breach)
                {
                    return status;
                }

                var pending = Move(status, AlertState.Pending, now) with { PendingSince = now };
                return definition.For <= TimeSpan.Zero ? Move(pending, AlertState.Firing, now) with { FiringSince = now } : pending;
        }
    }

    private static AlertStatus Move(AlertStatus status, AlertState to, DateTimeOffset at) =>
        status.State == to ? status : status with { State = to, Since = at };

    private static AlertStatus Initial(AlertDefinition definition, DateTimeOffset at) => new(definition, AlertState.Inactive, at, null, at, null, null, null);

    private async Task StoreAsync(List<AlertTransition> transitions, CancellationToken cancellationToken)
    {
        foreach (var t in transitions)
        {
            LogTransition(logger, t.Alert, t.From, t.To, t.Value, t.Severity, t.Note);
        }

        try
        {
            await using var db = await store.CreateDbContextAsync(cancellationToken);
            db.AlertTransitions.AddRange(transitions);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // The evaluation stands (pages and banners show it); only its history misses these rows.
            LogStoreFailed(logger, e);
        }
    }

    /// <summary>Each alert's newest stored transition is where it stands after a restart.</summary>
    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var names = definitions.Select(d => d.Name).ToList();
        var latest = await db.AlertTransitions.AsNoTracking().Where(t => names.Contains(t.Alert))
            .GroupBy(t => t.Alert).Select(g => g.OrderByDescending(t => t.Id).First()).ToListAsync(cancellationToken);
        lock (_lock)
        {
            foreach (var row in latest)
            {
                var definition = definitions.First(d => d.Name == row.Alert);
                if (Enum.TryParse<AlertState>(row.To, ignoreCase: true, out var state))
                {
                    _current[row.Alert] = new AlertStatus(definition, state, row.At, row.Value, row.At, row.Note,
                        state == AlertState.Pending ? row.At : null, state == AlertState.Firing ? row.At : null, Restored: true);
                }
            }
        }
    }

    [LoggerMessage(EventId = 5700, Level = LogLevel.Warning, Message = "Alert {Alert}: {From} → {To} (value {Value}, {Severity}) {Note}")]
    private static partial void LogTransition(ILogger logger, string alert, string from, string to, double? value, string severity, string? note);

    [LoggerMessage(EventId = 5701, Level = LogLevel.Error, Message = "Could not store alert transitions")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);
}
