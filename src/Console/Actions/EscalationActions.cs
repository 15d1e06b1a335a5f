using System.Globalization;
using Mapper.Console.Incidents;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Actions;

/// <summary>
/// Plans pages of the secondary on-call (by hand, or the system's escalation of a critical alert, once per firing) and
/// records how their delivery ended. The webhook is called after the commit, off the executor, by the delivery worker.
/// </summary>
public sealed class EscalationActions(EscalationOptions options, EscalationQueue queue) : IActionHandler
{
    public bool Handles(OperatorCommand command) => command is PageSecondary or EscalateAlert or RecordEscalationDelivery;

    public Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope) => command switch
    {
        PageSecondary page => PageAsync(page.Incident, null, null, page, scope),
        EscalateAlert escalate => EscalateAsync(escalate, scope),
        RecordEscalationDelivery delivery => DeliveryAsync(delivery, scope),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private async Task<ActionPlan> EscalateAsync(EscalateAlert escalate, ActionScope scope)
    {
        var since = escalate.FiringSince.ToUniversalTime();
        if (await scope.Db.Escalations.AnyAsync(e => e.Alert == escalate.Alert && e.FiringSince == since, scope.CancellationToken))
        {
            throw ActionRefusedException.Invalid($"{escalate.Alert}: its firing since {IncidentRules.Utc(since)} has already escalated");
        }

        return await PageAsync(escalate.Incident ?? escalate.IncidentId, escalate.Alert, since, escalate, scope);
    }

    private async Task<ActionPlan> PageAsync(long? incidentId, string? alert, DateTimeOffset? firingSince, OperatorCommand command, ActionScope scope)
    {
        if (incidentId is { } given)
        {
            await IncidentActions.FindAsync(scope, given);
        }

        var id = (await scope.Db.Escalations.MaxAsync(e => (long?)e.Id, scope.CancellationToken) ?? 0) + 1;
        var configured = options.Webhook is not null;
        var escalation = new Escalation
        {
            Id = id, IncidentId = incidentId, Alert = alert, FiringSince = firingSince, At = scope.Now, RequestedBy = scope.Actor.Actor.Name,
            Reason = command.Reason?.Trim() ?? "", Outcome = configured ? Escalation.Pending : Escalation.NotConfigured,
            CompletedAt = configured ? null : scope.Now,
        };
        var whom = alert is null ? "paged the secondary on-call" : $"{alert} escalated to the secondary on-call";
        return new ActionPlan(null, Value(id))
        {
            IncidentId = incidentId,
            Created = id.ToString(CultureInfo.InvariantCulture),
            Detail = (incidentId is { } i ? $"incident {i}" : "no incident") + (configured ? "; webhook delivery pending" : "; no webhook configured"),
            Message = $"{whom} (escalation #{id}): " + (configured ? "delivering to the webhook" : "recorded; no webhook is configured (Escalation:WebhookUrl)"),
            Write = s =>
            {
                s.Db.Escalations.Add(escalation);
                return Task.CompletedTask;
            },
            AfterCommit = () =>
            {
                if (configured)
                {
                    queue.Enqueue(id);
                }

                return Task.CompletedTask;
            },
        };
    }

    private static async Task<ActionPlan> DeliveryAsync(RecordEscalationDelivery delivery, ActionScope scope)
    {
        if (delivery.Outcome is not (Escalation.Delivered or Escalation.Failed))
        {
            throw ActionRefusedException.Invalid($"outcome: delivered or failed, not '{delivery.Outcome}'");
        }

        var escalation = await scope.Db.Escalations.FirstOrDefaultAsync(e => e.Id == delivery.Escalation, scope.CancellationToken)
            ?? throw ActionRefusedException.Invalid($"escalation: there is no escalation {delivery.Escalation}");
        var error = delivery.LastError is { Length: > 300 } text ? text[..297] + "..." : delivery.LastError;
        return new ActionPlan(escalation.Outcome, delivery.Outcome)
        {
            IncidentId = escalation.IncidentId,
            Detail = Describe(delivery.Outcome, delivery.Attempts, error),
            Message = $"escalation #{escalation.Id}: {Describe(delivery.Outcome, delivery.Attempts, error)}",
            Write = _ =>
            {
                escalation.Outcome = delivery.Outcome;
                escalation.Attempts = delivery.Attempts;
                escalation.LastError = error;
                escalation.CompletedAt = scope.Now;
                return Task.CompletedTask;
            },
        };
    }

    public static string Value(long escalation) => "escalation " + escalation.ToString(CultureInfo.InvariantCulture);

    /// <summary>How a delivery ended, in the words the timeline and the post-mortem use.</summary>
    public static string Describe(string outcome, int attempts, string? lastError) => outcome switch
    {
        Escalation.Delivered => $"delivered after {attempts} attempt{(attempts == 1 ? "" : "s")}",
        Escalation.Failed => $"failed after {attempts} attempt{(attempts == 1 ? "" : "s")}" + (lastError is null ? "" : $": {lastError}"),
        Escalation.NotConfigured => "no webhook configured",
        _ => "delivering",
    };
}
