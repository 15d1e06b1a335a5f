using System.Globalization;
using Mapper.Console.Actions;

namespace Mapper.Console.Drills;

/// <summary>Plans drill starts and stops; the fault goes live only after the audit row is written.</summary>
public sealed class DrillActions(DrillControl drills, DrillOptions options) : IActionHandler
{
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(10);

    public bool Handles(OperatorCommand command) => command is StartDrill or StopDrill;

    public Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope) => Task.FromResult(command switch
    {
        StartDrill start => Start(start, scope),
        StopDrill { InterruptedStart: { } row } => Interrupted(row),
        StopDrill => Stop(),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    });

    private ActionPlan Start(StartDrill start, ActionScope scope)
    {
        if (!DrillKinds.All.Contains(start.Kind))
        {
            throw ActionRefusedException.Invalid($"kind: '{start.Kind}' is not a drill; one of {string.Join(", ", DrillKinds.All)}");
        }

        var max = TimeSpan.FromMinutes(options.MaxMinutes);
        if (start.Duration < MinDuration || start.Duration > max)
        {
            throw ActionRefusedException.Invalid($"for: {start.Duration.TotalMinutes:0.#} minutes; a drill runs 10 seconds to {options.MaxMinutes} minutes");
        }

        if (drills.Current is { } running)
        {
            throw ActionRefusedException.Invalid($"a {running.Kind} drill runs until {running.Until.ToString("u", CultureInfo.InvariantCulture)} (started by {running.StartedBy}); stop it first");
        }

        var until = scope.Now + start.Duration;
        var drill = new RunningDrill(start.Kind, scope.Now, until, scope.Actor.Actor.Name, start.Reason, 0);
        return new ActionPlan("none", $"{start.Kind} until {until.ToString("u", CultureInfo.InvariantCulture)}")
        {
            Detail = DrillKinds.Describe(start.Kind),
            Message = $"{start.Kind} drill started: {DrillKinds.Describe(start.Kind)}; it ends by itself at {until.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC",
            AfterCommit = () =>
            {
                drills.Start(drill);
                return Task.CompletedTask;
            },
        };
    }

    private static ActionPlan Interrupted(long startRow) => new($"drill of audit row {startRow}", "none")
    {
        Message = $"recorded the end of the drill of audit row {startRow}: the console restarted during it",
    };

    private ActionPlan Stop()
    {
        var running = drills.Current ?? drills.Expired ?? throw ActionRefusedException.Invalid("no drill is running");
        return new ActionPlan($"{running.Kind} since {running.StartedAt.ToString("u", CultureInfo.InvariantCulture)}", "none")
        {
            Message = $"{running.Kind} drill ended; the engine runs without faults",
            AfterCommit = () =>
            {
                drills.Stop();
                return Task.CompletedTask;
            },
        };
    }
}
