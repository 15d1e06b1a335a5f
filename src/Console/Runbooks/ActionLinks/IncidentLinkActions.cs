using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Incidents;

namespace Mapper.Console.Runbooks.ActionLinks;

/// <summary>
/// <c>open-incident</c>: open an incident from the runbook, linked to the alert that brought on-call here (a firing or
/// pending one is offered first); when one is open already, link the alert to it instead of opening a second.
/// </summary>
public sealed class OpenIncidentLinkAction(IncidentsService incidents) : RunbookAction("open-incident", ConsoleRole.Operator)
{
    private const string None = "none";

    public override Task<IReadOnlyList<ActionField>> FieldsAsync(IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken)
    {
        var active = incidents.ActiveAlerts;
        var alert = args.GetValueOrDefault("alert") ?? active.FirstOrDefault()?.Name ?? None;
        var severity = args.GetValueOrDefault("severity") ?? active.FirstOrDefault(a => a.Name == alert)?.Definition.Severity ?? "warning";
        FieldChoice[] alerts = [new(None, "no alert"), .. incidents.AlertNames.Select(n => new FieldChoice(n, active.Any(a => a.Name == n) ? $"{n} ({active.First(a => a.Name == n).StateName})" : n))];
        return Task.FromResult<IReadOnlyList<ActionField>>(
        [
            new ActionField("alert", "Alert", FieldKind.Choice, alert, alerts),
            new ActionField("severity", "Severity", FieldKind.Choice, severity, [new("warning", "warning"), new("critical", "critical")]),
        ]);
    }

    public override async Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var alert = Text(values, "alert") is { } a && a != None ? a : null;
        var severity = Text(values, "severity") ?? "warning";
        var open = (await incidents.OpenAsync(cancellationToken)).MaxBy(i => i.Id);
        if (open is not null)
        {
            if (alert is null || open.Alerts.Contains(alert))
            {
                return ActionProposal.Cannot("Open an incident", $"incident #{open.Id} ({open.Title}) is open already: work in it at /incidents/{open.Id}");
            }

            return new ActionProposal(
                $"Link {alert} to incident #{open.Id}",
                [new ActionChange($"incident #{open.Id} alerts", open.Alerts.Count == 0 ? "none" : string.Join(", ", open.Alerts), string.Join(", ", [.. open.Alerts, alert]))],
                (reason, _) => new LinkAlert(open.Id, alert) { Reason = reason },
                $"An incident is open already; the alert joins it rather than opening a second one.");
        }

        var title = alert is null ? "Opened from a runbook" : $"{alert} firing";
        return new ActionProposal(
            "Open an incident",
            [new ActionChange("incident", "none open", $"{title} ({severity}){(alert is null ? "" : ", linked to " + alert)}")],
            (reason, _) => new OpenIncident(title, severity, reason, alert) { Reason = reason },
            "Its timeline records from now on every action, alert transition and step check; you are its commander.");
    }
}

/// <summary><c>page-secondary</c>: page the secondary on-call now through the escalation webhook, for the open incident if there is one.</summary>
public sealed class PageSecondaryLinkAction(IncidentsService incidents) : RunbookAction("page-secondary", ConsoleRole.Operator)
{
    public override async Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var open = (await incidents.OpenAsync(cancellationToken)).MaxBy(i => i.Id);
        return new ActionProposal(
            "Page the secondary on-call",
            [new ActionChange("secondary on-call", "not paged", open is null ? "paged (no incident open)" : $"paged for incident #{open.Id}: {open.Title}")],
            (reason, _) => new PageSecondary(open?.Id) { Reason = reason },
            "Your reason is the page's message; the delivery (or its failure) shows on the incident's timeline.");
    }
}
