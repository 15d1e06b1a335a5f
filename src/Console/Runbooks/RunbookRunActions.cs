using System.Globalization;
using Mapper.Console.Actions;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Runbooks;

/// <summary>
/// Plans runbook runs and step checks. They change nothing live: the audit row is the whole record (who, when,
/// the SLIs then). A check names a step the runbook has now, on a run of that runbook, and changes its state.
/// </summary>
public sealed class RunbookRunActions(RunbookLibrary library) : IActionHandler
{
    public bool Handles(OperatorCommand command) => command is StartRunbookRun or CheckRunbookStep;

    public async Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope) => command switch
    {
        StartRunbookRun start => Start(start),
        CheckRunbookStep check => await CheckAsync(check, scope),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private ActionPlan Start(StartRunbookRun start)
    {
        var runbook = Runbook(start.Runbook);
        return new ActionPlan(null, runbook.Name)
        {
            Detail = (start.IncidentId is { } incident ? $"run of '{runbook.Title}' for incident #{incident}" : $"free-standing run of '{runbook.Title}'") + $" ({runbook.Steps.Count()} steps)",
            Message = $"a new run of {runbook.Title} started" + (start.IncidentId is { } id ? $" for incident #{id}" : ""),
        };
    }

    private async Task<ActionPlan> CheckAsync(CheckRunbookStep check, ActionScope scope)
    {
        var runbook = Runbook(check.Runbook);
        var step = runbook.Step(check.StepId)
            ?? throw ActionRefusedException.Invalid($"step: '{Shorten(check.StepId)}' is not a step of {runbook.Name} (the file may have changed: reload the page)");
        var run = await scope.Db.Audit.AsNoTracking()
            .Where(e => e.Id == check.RunId && e.Action == StartRunbookRun.ActionName && e.Result == "applied")
            .Select(e => new { e.Target })
            .FirstOrDefaultAsync(scope.CancellationToken);
        if (run is null || run.Target != RunbookTargets.Runbook(runbook.Name))
        {
            throw ActionRefusedException.Invalid($"run: {check.RunId.ToString(CultureInfo.InvariantCulture)} is not a run of {runbook.Name}");
        }

        var prefix = RunbookTargets.StepDetail(step.Id, "");
        var last = await scope.Db.Audit.AsNoTracking()
            .Where(e => e.Target == check.Target && e.Action == CheckRunbookStep.ActionName && e.Result == "applied" && e.Detail!.StartsWith(prefix))
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.NewValue, e.Actor, e.OccurredAt })
            .FirstOrDefaultAsync(scope.CancellationToken);
        var was = last?.NewValue ?? RunbookTargets.Unchecked;
        var now = check.Checked ? RunbookTargets.Checked : RunbookTargets.Unchecked;
        if (was == now)
        {
            throw ActionRefusedException.Invalid($"step: already {now}" + (last is null ? "" : $" by {last.Actor} at {last.OccurredAt.ToString("u", CultureInfo.InvariantCulture)}"));
        }

        // The runbook's own words are recorded, not the caller's copy of them.
        return new ActionPlan(was, now)
        {
            Detail = RunbookTargets.StepDetail(step.Id, step.Text),
            Message = $"step {now}: {Shorten(step.Text)}",
        };
    }

    private RunbookDocument Runbook(string name) =>
        library.Find(name) ?? throw ActionRefusedException.Invalid($"runbook: '{Shorten(name)}' is not a runbook of {library.Directory}");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
