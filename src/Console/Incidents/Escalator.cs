using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Console.Monitoring;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Incidents;

/// <summary>
/// Watches the alerts on every sample: a critical alert firing longer than <see cref="EscalationOptions.Delay"/>
/// escalates once per firing (a new firing after it resolved may escalate again), never a warning. The escalation
/// joins the open incident the alert is linked to, else the newest open incident (linking the alert), else a new one
/// (unless Escalation:OpenIncident is false, when the page says there is none). All of it through the executor.
/// </summary>
public sealed partial class Escalator(
    EngineSampler sampler,
    AlertEvaluator alerts,
    OperatorExecutor executor,
    IDbContextFactory<MapperDbContext> store,
    EscalationOptions options,
    ILogger<Escalator> logger) : IHostedService
{
    public const string Critical = "critical";

    private readonly SemaphoreSlim _serial = new(1, 1);
    private readonly HashSet<(string Alert, DateTimeOffset Since)> _escalated = [];
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = sampler.Subscribe(sample => CheckAsync(sample.At, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Escalates every critical alert due at <paramref name="now"/>; returns the escalations it recorded.</summary>
    public async Task<IReadOnlyList<ActionOutcome>> CheckAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = alerts.Current.Where(a => a is { State: AlertState.Firing, FiringSince: not null } && a.Definition.Severity == Critical && now - a.FiringSince!.Value >= options.DelaySpan).ToList();
        if (due.Count == 0)
        {
            return [];
        }

        await _serial.WaitAsync(cancellationToken);
        try
        {
            var outcomes = new List<ActionOutcome>();
            foreach (var alert in due)
            {
                if (await EscalateAsync(alert, now, cancellationToken) is { } outcome)
                {
                    outcomes.Add(outcome);
                }
            }

            return outcomes;
        }
        finally
        {
            _serial.Release();
        }
    }

    private async Task<ActionOutcome?> EscalateAsync(AlertStatus alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = alert.FiringSince!.Value.ToUniversalTime();
        if (_escalated.Contains((alert.Name, since)))
        {
            return null;
        }

        await using (var db = await store.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Escalations.AnyAsync(e => e.Alert == alert.Name && e.FiringSince == since, cancellationToken))
            {
                _escalated.Add((alert.Name, since));
                return null;
            }
        }

        var fired = $"{alert.Name} ({Critical}) has fired since {IncidentRules.Utc(since)}, longer than Escalation:Delay ({Minutes(options.DelaySpan)})";
        var incident = await IncidentForAsync(alert, fired, cancellationToken);
        var outcome = await executor.RunAsync(Actor.System, new EscalateAlert(alert.Name, since, incident) { Reason = fired }, cancellationToken);
        if (outcome.Succeeded || outcome.Status == ActionStatus.Invalid)
        {
            _escalated.Add((alert.Name, since));
        }

        LogEscalated(logger, alert.Name, since, incident, outcome.Message);
        return outcome;
    }

    private async Task<long?> IncidentForAsync(AlertStatus alert, string fired, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var open = db.Incidents.AsNoTracking().Where(i => i.Status != IncidentRules.Resolved);
        var links = db.IncidentAlerts;
        var linked = await open.Where(i => links.Any(a => a.IncidentId == i.Id && a.Alert == alert.Name)).OrderByDescending(i => i.Id).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (linked is { } id)
        {
            return id;
        }

        if (await open.OrderByDescending(i => i.Id).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken) is { } newest)
        {
            var link = await executor.RunAsync(Actor.System, new LinkAlert(newest, alert.Name) { Reason = fired + "; it joins the open incident" }, cancellationToken);
            return link.Succeeded || link.Status == ActionStatus.Invalid ? newest : null;
        }

        if (!options.OpenIncident)
        {
            return null;
        }

        var opened = await executor.RunAsync(Actor.System, new OpenIncident($"{alert.Name}: {alert.Definition.Summary}", Critical, alert.Definition.Summary, alert.Name)
        {
            Reason = fired + "; no incident was open",
        }, cancellationToken);
        return opened.Succeeded && long.TryParse(opened.Created, NumberStyles.None, CultureInfo.InvariantCulture, out var created) ? created : null;
    }

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0} s";

    [LoggerMessage(EventId = 5810, Level = LogLevel.Warning, Message = "{Alert} firing since {Since} escalated (incident {Incident}): {Message}")]
    private static partial void LogEscalated(ILogger logger, string alert, DateTimeOffset since, long? incident, string message);
}
