using System.Globalization;
using Mapper.Engine.Controls;

namespace Mapper.Console.Actions;

/// <summary>
/// Turns the kill switch off when its auto-revert time has come, through the executor as the system, with a
/// reason naming who set it. The time is part of the live state, so a restart still honours it.
/// </summary>
public sealed partial class KillSwitchReverter(LiveRecord live, OperatorExecutor executor, TimeProvider time, ILogger<KillSwitchReverter> logger) : IScheduledEnd
{
    /// <summary>One check (the <see cref="ScheduledEnds"/> timer's, or a test's with a fake clock).</summary>
    public async Task<ActionOutcome?> EndIfDueAsync(CancellationToken cancellationToken)
    {
        var current = live.Current;
        if (current.Controls.Mode != MappingMode.RulesOnly || current.KillSwitchRevertAt is not { } due || time.GetUtcNow() < due)
        {
            return null;
        }

        var setBy = live.NoteFor(LiveRecord.ModeSetting);
        var reason = $"auto-revert due at {due.ToString("u", CultureInfo.InvariantCulture)}" + (setBy is null ? "" : $", set by {setBy.Actor}: {setBy.Reason}");
        var outcome = await executor.RunAsync(Actor.System, new SetKillSwitch(On: false) { Reason = reason, ExpectedEpoch = current.Epoch }, cancellationToken);
        if (!outcome.Succeeded)
        {
            LogRevertFailed(logger, outcome.Status.ToString(), outcome.Message);
        }

        return outcome;
    }

    [LoggerMessage(EventId = 5430, Level = LogLevel.Warning, Message = "Kill switch auto-revert did not apply ({Status}): {Message}")]
    private static partial void LogRevertFailed(ILogger logger, string status, string message);
}
