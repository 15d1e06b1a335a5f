using System.Globalization;

namespace Mapper.Console.Actions;

/// <summary>Starting and cancelling adapter training, and recording how a run ended.</summary>
public sealed class TrainingActions(TrainingJobs jobs) : IActionHandler
{
    public bool Handles(OperatorCommand command) => command is StartTraining or CancelTraining or RecordTraining;

    public Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope) => Task.FromResult(command switch
    {
        StartTraining start => Start(start, scope),
        CancelTraining => Cancel(),
        RecordTraining record => Record(record, scope),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    });

    private ActionPlan Start(StartTraining start, ActionScope scope)
    {
        if (jobs.Current is { State: TrainingState.Running } running)
        {
            throw ActionRefusedException.Invalid($"a training run is in progress (run {running.Id}, started by {running.StartedBy} at {running.StartedAt.ToString("u", CultureInfo.InvariantCulture)}); wait or cancel it");
        }

        var actor = scope.Actor.Actor.Name;
        return new ActionPlan("idle", start.ActivateWhenDone ? "training, then activate" : "training")
        {
            Message = "training started" + (start.ActivateWhenDone ? "; the new version is activated through the gate when done" : ""),
            AfterCommit = () =>
            {
                jobs.TryStart(actor, start.ActivateWhenDone, start.Reason, out _);
                return Task.CompletedTask;
            },
        };
    }

    private ActionPlan Cancel()
    {
        if (jobs.Current is not { State: TrainingState.Running } running)
        {
            throw ActionRefusedException.Invalid("no training run is in progress");
        }

        return new ActionPlan($"run {running.Id} running", "cancel requested")
        {
            Message = $"cancelling training run {running.Id}",
            AfterCommit = () =>
            {
                jobs.Cancel();
                return Task.CompletedTask;
            },
        };
    }

    private static ActionPlan Record(RecordTraining record, ActionScope scope)
    {
        if (!scope.Actor.Actor.IsSystem)
        {
            throw new ActionRefusedException(ActionStatus.Denied, "only the system records how a training run ended");
        }

        var s = record.Status;
        var detail = record.Trained is { } m
            ? $"stored {m.Name}: calibration accuracy {m.Metrics.CalibrationAccuracy:P1}, ECE {m.Metrics.ExpectedCalibrationError:0.000}, rule rows {m.Metrics.RuleRowAccuracy:P1}, {m.ModelSizeBytes} bytes"
            : s.Error is { } error ? "failed: " + error : "cancelled";
        return new ActionPlan($"run {s.Id}", record.Trained?.Name ?? s.State.ToString().ToLowerInvariant())
        {
            Detail = detail,
            Message = detail,
            Created = record.Trained?.Version,
        };
    }
}
