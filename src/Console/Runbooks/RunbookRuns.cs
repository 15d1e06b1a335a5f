using Mapper.Console.Actions;
using Mapper.Console.Incidents;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Runbooks;

/// <summary>A run of a runbook: the audit row that started it (its id is the run's id).</summary>
public sealed record RunbookRun(long Id, string Runbook, string StartedBy, DateTimeOffset StartedAt);

/// <summary>A step's state in a run: the newest check row for it, with the SLIs that row recorded.</summary>
public sealed record StepCheck(
    string StepId, bool Checked, string Actor, DateTimeOffset At, long AuditId,
    double? SchemaValidPercent, double? FallbackPercent, double? P95LatencySeconds, double? Http5xxPercent);

/// <summary>The run a runbook page shows, each step's state in it, and the open incident the checks belong to, if any.</summary>
public sealed record RunState(RunbookRun? Run, IReadOnlyDictionary<string, StepCheck> Checks, IncidentSummary? Incident = null)
{
    public static readonly RunState None = new(null, new Dictionary<string, StepCheck>());
}

/// <summary>
/// Runs and step checks, read from the audit log and written through the executor (door <c>runbook</c>). While an
/// incident is open, the checks belong to it: the page shows the newest run started for that incident (and the
/// incident's timeline shows every check); with none open, the runbook's newest free-standing run.
/// </summary>
public sealed class RunbookRuns(IDbContextFactory<MapperDbContext> store, OperatorExecutor executor, IServiceProvider services)
{
    /// <summary>The run of <paramref name="runbook"/> that counts now and its steps' states; no run yet gives a state without one.</summary>
    public async Task<RunState> CurrentAsync(string runbook, CancellationToken cancellationToken)
    {
        var incident = await OpenIncidentAsync(cancellationToken);
        var incidentId = incident?.Id;
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var target = RunbookTargets.Runbook(runbook);
        var start = await db.Audit.AsNoTracking()
            .Where(e => e.Target == target && e.Action == StartRunbookRun.ActionName && e.Result == "applied" && e.IncidentId == incidentId)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Actor, e.OccurredAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (start is null)
        {
            return RunState.None with { Incident = incident };
        }

        var run = new RunbookRun(start.Id, runbook, start.Actor, start.OccurredAt);
        return new RunState(run, await ChecksAsync(db, run.Id, cancellationToken), incident);
    }

    public Task<ActionOutcome> StartAsync(Actor actor, string runbook, long? incident, CancellationToken cancellationToken) =>
        executor.RunAsync(actor, new StartRunbookRun(runbook) { IncidentId = incident }, cancellationToken);

    /// <summary>Checks or unchecks a step of <paramref name="runId"/>; with no run yet, starts one first (the first check starts it).</summary>
    public async Task<ActionOutcome> CheckAsync(Actor actor, string runbook, long? runId, long? incident, RunbookStep step, bool check, CancellationToken cancellationToken)
    {
        if (runId is null)
        {
            var started = await StartAsync(actor, runbook, incident, cancellationToken);
            if (!started.Succeeded || started.AuditId is not { } id)
            {
                return started;
            }

            runId = id;
        }

        return await executor.RunAsync(actor, new CheckRunbookStep(runId.Value, runbook, step.Id, step.Text, check) { IncidentId = incident }, cancellationToken);
    }

    /// <summary>The newest open incident (the one a responder works in), or none; null also when incidents are not wired.</summary>
    private async Task<IncidentSummary?> OpenIncidentAsync(CancellationToken cancellationToken) =>
        services.GetService<IncidentsService>() is { } incidents ? (await incidents.OpenAsync(cancellationToken)).MaxBy(i => i.Id) : null;

    private static async Task<IReadOnlyDictionary<string, StepCheck>> ChecksAsync(MapperDbContext db, long runId, CancellationToken cancellationToken)
    {
        var target = RunbookTargets.Run(runId);
        var rows = await db.Audit.AsNoTracking()
            .Where(e => e.Target == target && e.Action == CheckRunbookStep.ActionName && e.Result == "applied")
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Detail, e.NewValue, e.Actor, e.OccurredAt, e.SchemaValidPercent, e.FallbackPercent, e.P95LatencySeconds, e.Http5xxPercent })
            .ToListAsync(cancellationToken);
        var checks = new Dictionary<string, StepCheck>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            // Oldest first, so the newest row of each step is the one left.
            if (RunbookTargets.StepIdOf(row.Detail) is { } step)
            {
                checks[step] = new StepCheck(step, row.NewValue == RunbookTargets.Checked, row.Actor, row.OccurredAt, row.Id,
                    row.SchemaValidPercent, row.FallbackPercent, row.P95LatencySeconds, row.Http5xxPercent);
            }
        }

        return checks;
    }
}
