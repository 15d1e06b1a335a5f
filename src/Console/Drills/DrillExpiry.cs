using Mapper.Console.Actions;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Drills;

/// <summary>
/// Ends a drill when its time is up, through the executor as the system; and at start-up records the end of a
/// drill the previous process was running (drills live in memory, so a restart ended it).
/// </summary>
public sealed partial class DrillExpiry(DrillControl drills, OperatorExecutor executor, IDbContextFactory<MapperDbContext> store, ILogger<DrillExpiry> logger) : IScheduledEnd
{
    public async Task<ActionOutcome?> EndIfDueAsync(CancellationToken cancellationToken)
    {
        if (drills.Expired is not { } expired)
        {
            return null;
        }

        var outcome = await executor.RunAsync(Actor.System, new StopDrill { Reason = $"the {expired.Kind} drill started by {expired.StartedBy} reached its end time" }, cancellationToken);
        if (!outcome.Succeeded)
        {
            LogEndFailed(logger, outcome.Message);
        }

        return outcome;
    }

    /// <summary>If the log's last drill row is a start, the drill died with the previous process: say so in the log.</summary>
    public async Task RecordInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var last = await db.Audit.AsNoTracking().Where(e => e.Target == "drill" && e.Result == "applied").OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Action, e.NewValue }).FirstOrDefaultAsync(cancellationToken);
        if (last?.Action != "drills.start")
        {
            return;
        }

        await executor.RunAsync(Actor.System, new StopDrill
        {
            InterruptedStart = last.Id,
            Reason = $"the console restarted during the drill of audit row {last.Id} ({last.NewValue}); drills end with the process",
        }, cancellationToken);
    }

    [LoggerMessage(EventId = 5440, Level = LogLevel.Warning, Message = "Ending the drill did not apply: {Message}")]
    private static partial void LogEndFailed(ILogger logger, string message);
}
