using System.Globalization;
using Mapper.Console.Incidents;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Actions;

/// <summary>Plans what people add to an incident's timeline: notes, their edits (as new revisions), and pinned playground runs.</summary>
public sealed class NoteActions : IActionHandler
{
    public const string PlaygroundRunAction = "playground.run";

    public bool Handles(OperatorCommand command) => command is AddNote or EditNote or PinPlaygroundRun;

    public Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope) => command switch
    {
        AddNote add => AddAsync(add, scope),
        EditNote edit => EditAsync(edit, scope),
        PinPlaygroundRun pin => PinAsync(pin, scope),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private static async Task<ActionPlan> AddAsync(AddNote add, ActionScope scope)
    {
        var text = IncidentRules.Text(add.Text, "text", IncidentRules.MaxNote);
        var occurred = IncidentRules.Moment(add.OccurredAt, scope.Now, "occurred_at");
        var incident = await IncidentActions.FindAsync(scope, add.Incident);
        var id = (await scope.Db.IncidentNotes.MaxAsync(n => (long?)n.Id, scope.CancellationToken) ?? 0) + 1;
        var author = scope.Actor.Actor.Name;
        var note = new IncidentNote { Id = id, IncidentId = incident.Id, Author = author, RecordedAt = scope.Now, FollowUp = add.FollowUp };
        note.Revisions.Add(new IncidentNoteRevision { Revision = 1, Text = text, OccurredAt = occurred, By = author, At = scope.Now });

        // The text lives in the note; the audit row keeps what happened to it (metadata only).
        return new ActionPlan(null, $"note {id} revision 1")
        {
            IncidentId = incident.Id,
            Created = id.ToString(CultureInfo.InvariantCulture),
            Detail = $"occurred at {IncidentRules.Utc(occurred)}; {text.Length} characters" + (add.FollowUp ? "; follow-up" : ""),
            Message = (add.FollowUp ? "follow-up" : "note") + $" added to incident #{incident.Id}" + (occurred < scope.Now - TimeSpan.FromMinutes(1) ? $" (occurred at {IncidentRules.Utc(occurred)})" : ""),
            Write = s =>
            {
                s.Db.IncidentNotes.Add(note);
                return Task.CompletedTask;
            },
        };
    }

    private static async Task<ActionPlan> EditAsync(EditNote edit, ActionScope scope)
    {
        var text = IncidentRules.Text(edit.Text, "text", IncidentRules.MaxNote);
        var note = await scope.Db.IncidentNotes.AsNoTracking().Include(n => n.Revisions).FirstOrDefaultAsync(n => n.Id == edit.Note && n.IncidentId == edit.Incident, scope.CancellationToken)
            ?? throw ActionRefusedException.Invalid($"note: incident {edit.Incident} has no note {edit.Note}");
        var current = note.Revisions.MaxBy(r => r.Revision)!;
        var occurred = edit.OccurredAt is { } given ? IncidentRules.Moment(given, scope.Now, "occurred_at") : current.OccurredAt;
        if (text == current.Text && occurred == current.OccurredAt)
        {
            throw ActionRefusedException.Invalid("text, occurred_at: the same as the note's current revision; nothing to save");
        }

        var revision = new IncidentNoteRevision { NoteId = note.Id, Revision = current.Revision + 1, Text = text, OccurredAt = occurred, By = scope.Actor.Actor.Name, At = scope.Now };
        var changed = new List<string>();
        if (text != current.Text)
        {
            changed.Add("text edited");
        }

        if (occurred != current.OccurredAt)
        {
            changed.Add($"occurred at {IncidentRules.Utc(current.OccurredAt)} → {IncidentRules.Utc(occurred)}");
        }

        return new ActionPlan($"note {note.Id} revision {current.Revision}", $"note {note.Id} revision {revision.Revision}")
        {
            IncidentId = note.IncidentId,
            Detail = string.Join("; ", changed),
            Message = $"note {note.Id} saved as revision {revision.Revision}; earlier revisions are kept",
            Write = s =>
            {
                s.Db.IncidentNoteRevisions.Add(revision);
                return Task.CompletedTask;
            },
        };
    }

    private static async Task<ActionPlan> PinAsync(PinPlaygroundRun pin, ActionScope scope)
    {
        var incident = await IncidentActions.FindAsync(scope, pin.Incident);
        var run = await scope.Db.Audit.AsNoTracking().Where(e => e.Id == pin.AuditId).Select(e => new { e.Id, e.Action, e.Result, e.Target, e.NewValue, e.Detail, e.Actor, e.OccurredAt })
            .FirstOrDefaultAsync(scope.CancellationToken);
        if (run is not { Action: PlaygroundRunAction, Result: "applied" })
        {
            throw ActionRefusedException.Invalid($"audit_id: audit row {pin.AuditId} is not a playground run");
        }

        var pinned = IncidentTargets.AuditRow(run.Id);
        if (await scope.Db.Audit.AnyAsync(e => e.IncidentId == incident.Id && e.Action == PinPlaygroundRun.ActionName && e.Result == "applied" && e.NewValue == pinned, scope.CancellationToken))
        {
            throw ActionRefusedException.Invalid($"audit_id: the playground run of audit row {run.Id} is already pinned to incident {incident.Id}");
        }

        return new ActionPlan(null, pinned)
        {
            IncidentId = incident.Id,
            Detail = $"{run.Target} run by {run.Actor} at {IncidentRules.Utc(run.OccurredAt)}: {run.NewValue}" + (run.Detail is { } d ? $" ({d})" : ""),
            Message = $"playground run of audit row {run.Id} pinned to incident #{incident.Id}",
        };
    }
}
