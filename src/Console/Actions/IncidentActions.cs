using Mapper.Console.Incidents;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Actions;

/// <summary>
/// Plans the incident's own changes: open, link an alert, status, severity, commander, title and summary. The alert
/// evaluator is read at plan time, not injected: it sits on the sampler, whose reader asks for the model's start-up,
/// which needs the executor and so its handlers (a cycle the container would hang on).
/// </summary>
public sealed class IncidentActions : IActionHandler
{
    public bool Handles(OperatorCommand command) => command is OpenIncident or LinkAlert or SetIncidentStatus or SetIncidentSeverity or SetCommander or EditIncident;

    public Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope) => command switch
    {
        OpenIncident open => OpenAsync(open, scope),
        LinkAlert link => LinkAsync(link, scope),
        SetIncidentStatus status => StatusAsync(status, scope),
        SetIncidentSeverity severity => SeverityAsync(severity, scope),
        SetCommander commander => CommanderAsync(commander, scope),
        EditIncident edit => EditAsync(edit, scope),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    /// <summary>The incident, tracked for an update; unknown is an invalid command.</summary>
    public static async Task<Incident> FindAsync(ActionScope scope, long id) =>
        await scope.Db.Incidents.FirstOrDefaultAsync(i => i.Id == id, scope.CancellationToken)
        ?? throw ActionRefusedException.Invalid($"incident: there is no incident {id}");

    private static async Task<ActionPlan> OpenAsync(OpenIncident open, ActionScope scope)
    {
        var title = IncidentRules.Text(open.Title, "title", IncidentRules.MaxTitle);
        var severity = IncidentRules.Severity(open.Severity);
        var summary = open.Summary is null ? null : IncidentRules.Text(open.Summary, "summary", IncidentRules.MaxSummary);
        var alert = open.Alert is { } name ? Alert(scope, name) : null;
        var started = open.StartedAt is { } given ? IncidentRules.Moment(given, scope.Now, "started_at") : alert is null ? scope.Now : ConditionSince(alert, scope.Now);
        var id = (await scope.Db.Incidents.MaxAsync(i => (long?)i.Id, scope.CancellationToken) ?? 0) + 1;
        var actor = scope.Actor.Actor;
        var incident = new Incident
        {
            Id = id, Title = title, Severity = severity, Status = IncidentRules.Investigating, Summary = summary,
            Commander = actor.IsSystem ? null : actor.Name, OpenedBy = actor.Name, StartedAt = started, OpenedAt = scope.Now,
        };
        return new ActionPlan("none", $"#{id} {severity}: {title}")
        {
            IncidentId = id,
            Created = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Detail = alert is null ? $"started {IncidentRules.Utc(started)}" : $"started {IncidentRules.Utc(started)}; alert {alert.Name} ({alert.StateName}) linked",
            Message = $"incident #{id} opened: {title}" + (alert is null ? "" : $" (alert {alert.Name} linked)"),
            Write = s =>
            {
                s.Db.Incidents.Add(incident);
                if (alert is not null)
                {
                    s.Db.IncidentAlerts.Add(NewLink(id, alert, s));
                }

                return Task.CompletedTask;
            },
        };
    }

    private static async Task<ActionPlan> LinkAsync(LinkAlert link, ActionScope scope)
    {
        var incident = await FindAsync(scope, link.Incident);
        if (!IncidentRules.IsOpen(incident.Status))
        {
            throw ActionRefusedException.Invalid($"incident {incident.Id} is resolved; reopen it before linking alerts");
        }

        var alert = Alert(scope, link.Alert);
        if (await scope.Db.IncidentAlerts.AnyAsync(a => a.IncidentId == incident.Id && a.Alert == alert.Name, scope.CancellationToken))
        {
            throw ActionRefusedException.Invalid($"alert: {alert.Name} is already linked to incident {incident.Id}");
        }

        return new ActionPlan(null, $"{alert.Name} ({alert.StateName})")
        {
            IncidentId = incident.Id,
            Message = $"alert {alert.Name} linked to incident #{incident.Id}",
            Write = s =>
            {
                s.Db.IncidentAlerts.Add(NewLink(incident.Id, alert, s));
                return Task.CompletedTask;
            },
        };
    }

    private static async Task<ActionPlan> StatusAsync(SetIncidentStatus command, ActionScope scope)
    {
        var status = IncidentRules.Status(command.Status);
        var incident = await FindAsync(scope, command.Incident);
        if (incident.Status == status)
        {
            throw ActionRefusedException.Invalid($"status: incident {incident.Id} is already {status}");
        }

        var old = incident.Status;
        return Saved(incident, old, status, $"incident #{incident.Id} is now {status}", () =>
        {
            incident.Status = status;
            switch (status)
            {
                case IncidentRules.Mitigated:
                    incident.MitigatedAt ??= scope.Now;
                    incident.ResolvedAt = null;
                    break;
                case IncidentRules.Resolved:
                    incident.MitigatedAt ??= scope.Now;
                    incident.ResolvedAt = scope.Now;
                    break;
                default:
                    // Back to investigating: the mitigation did not hold, so time to mitigate runs on.
                    incident.MitigatedAt = null;
                    incident.ResolvedAt = null;
                    break;
            }
        });
    }

    private static async Task<ActionPlan> SeverityAsync(SetIncidentSeverity command, ActionScope scope)
    {
        var severity = IncidentRules.Severity(command.Severity);
        var incident = await FindAsync(scope, command.Incident);
        if (incident.Severity == severity)
        {
            throw ActionRefusedException.Invalid($"severity: incident {incident.Id} is already {severity}");
        }

        return Saved(incident, incident.Severity, severity, $"incident #{incident.Id} is now {severity}", () => incident.Severity = severity);
    }

    private static async Task<ActionPlan> CommanderAsync(SetCommander command, ActionScope scope)
    {
        var name = IncidentRules.Text(command.Commander, "commander", 128);
        var normalized = name.ToUpperInvariant();
        var account = await scope.Db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => new { u.UserName, u.Disabled }).FirstOrDefaultAsync(scope.CancellationToken);
        if (account is null || account.Disabled)
        {
            throw ActionRefusedException.Invalid($"commander: '{name}' is not an active account");
        }

        var incident = await FindAsync(scope, command.Incident);
        var user = account.UserName ?? name;
        if (incident.Commander == user)
        {
            throw ActionRefusedException.Invalid($"commander: {user} already leads incident {incident.Id}");
        }

        return Saved(incident, incident.Commander ?? "unassigned", user, $"{user} now leads incident #{incident.Id}", () => incident.Commander = user);
    }

    private static async Task<ActionPlan> EditAsync(EditIncident edit, ActionScope scope)
    {
        if (edit.Title is null && edit.Summary is null)
        {
            throw ActionRefusedException.Invalid("title, summary: give at least one");
        }

        var title = edit.Title is null ? null : IncidentRules.Text(edit.Title, "title", IncidentRules.MaxTitle);
        var summary = edit.Summary is null ? null : edit.Summary.Trim().Length == 0 ? "" : IncidentRules.Text(edit.Summary, "summary", IncidentRules.MaxSummary);
        var incident = await FindAsync(scope, edit.Incident);
        var what = string.Join(" and ", new[] { title is null ? null : "title", summary is null ? null : "summary" }.OfType<string>());
        return Saved(incident, title is null ? null : incident.Title, title, $"incident #{incident.Id}: {what} saved", () =>
        {
            incident.Title = title ?? incident.Title;
            incident.Summary = summary is null ? incident.Summary : summary.Length == 0 ? null : summary;
        }) with { Detail = summary is null ? null : "summary edited" };
    }

    /// <summary>A change to the tracked incident, saved with the audit row.</summary>
    private static ActionPlan Saved(Incident incident, string? old, string? now, string message, Action change) => new(old, now)
    {
        IncidentId = incident.Id,
        Message = message,
        Write = _ =>
        {
            change();
            return Task.CompletedTask;
        },
    };

    private static AlertStatus Alert(ActionScope scope, string name)
    {
        var alerts = scope.Services.GetRequiredService<AlertEvaluator>();
        return alerts.Current.FirstOrDefault(a => string.Equals(a.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw ActionRefusedException.Invalid($"alert: '{name}' is not an alert; the alerts are {string.Join(", ", alerts.Definitions.Select(d => d.Name))}");
    }

    private static DateTimeOffset ConditionSince(AlertStatus alert, DateTimeOffset now) =>
        alert.State is AlertState.Firing or AlertState.Pending ? alert.PendingSince ?? alert.FiringSince ?? alert.Since : now;

    private static IncidentAlert NewLink(long incident, AlertStatus alert, ActionScope scope) => new()
    {
        IncidentId = incident, Alert = alert.Name, Severity = alert.Definition.Severity,
        Since = ConditionSince(alert, scope.Now), LinkedAt = scope.Now, LinkedBy = scope.Actor.Actor.Name,
    };
}
