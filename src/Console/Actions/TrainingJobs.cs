using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Training;

namespace Mapper.Console.Actions;

public enum TrainingState
{
    Running,
    Succeeded,
    Cancelled,
    Failed,
}

/// <summary>A training run as pages and the API show it.</summary>
public sealed record TrainingStatus(
    long Id, string StartedBy, DateTimeOffset StartedAt, TrainingState State, double Progress, string Phase, string? Version, string? Error, DateTimeOffset? EndedAt);

/// <summary>
/// The one training run at a time: trains the next adapter version off the request path, reports progress,
/// can be cancelled, and records its end in the audit log through the executor (as the system, naming who
/// started it). With <c>activate</c> it then activates the new version through the executor's gate.
/// </summary>
public sealed partial class TrainingJobs(AdapterBootstrapper trainer, IServiceProvider services, TimeProvider time, ILogger<TrainingJobs> logger)
{
    private readonly Lock _lock = new();
    private Job? _job;
    private long _nextId;

    public TrainingStatus? Current
    {
        get
        {
            lock (_lock)
            {
                return _job?.Status;
            }
        }
    }

    public bool IsRunning => Current?.State == TrainingState.Running;

    /// <summary>Starts a run; false if one is already running.</summary>
    public bool TryStart(string startedBy, bool activateWhenDone, string? reason, out TrainingStatus status)
    {
        lock (_lock)
        {
            if (_job is { Status.State: TrainingState.Running } running)
            {
                status = running.Status;
                return false;
            }

            var job = new Job(new TrainingStatus(++_nextId, startedBy, time.GetUtcNow(), TrainingState.Running, 0, "preparing data", null, null, null));
            _job = job;
            status = job.Status;
            job.Task = Task.Run(() => RunAsync(job, activateWhenDone, reason));
            return true;
        }
    }

    /// <summary>Asks the running job to stop; false when none runs.</summary>
    public bool Cancel()
    {
        lock (_lock)
        {
            if (_job is not { Status.State: TrainingState.Running } job)
            {
                return false;
            }

            job.Cancellation.Cancel();
            return true;
        }
    }

    /// <summary>Waits for the current job (tests, shutdown).</summary>
    public Task WhenIdleAsync() => Current is null ? Task.CompletedTask : _job!.Task ?? Task.CompletedTask;

    private async Task RunAsync(Job job, bool activateWhenDone, string? reason)
    {
        var executor = services.GetRequiredService<OperatorExecutor>();
        AdapterManifest? trained = null;
        try
        {
            Update(job, s => s with { Progress = 0.02, Phase = "preparing data" });
            var progress = new SynchronousProgress<TrainingProgress>(p => Update(job, s => s with
            {
                Progress = Math.Max(s.Progress, 0.05 + (0.9 * p.Fraction)),
                Phase = $"epoch {p.Epoch} of {p.Epochs}, loss {p.Loss:0.000}",
            }));
            trained = trainer.TrainNext(job.Cancellation.Token, progress);
            Update(job, s => s with { Progress = 0.97, Phase = "storing" });
            Update(job, s => s with { State = TrainingState.Succeeded, Progress = 1, Phase = "stored", Version = trained.Version, EndedAt = time.GetUtcNow() });
        }
        catch (OperationCanceledException)
        {
            Update(job, s => s with { State = TrainingState.Cancelled, Phase = "cancelled", EndedAt = time.GetUtcNow() });
        }
        catch (Exception e)
        {
            LogTrainingFailed(logger, e);
            Update(job, s => s with { State = TrainingState.Failed, Phase = "failed", Error = e.Message, EndedAt = time.GetUtcNow() });
        }

        var status = job.Status;
        await executor.RunAsync(Actor.System, new RecordTraining(status, trained) { Reason = $"training run {status.Id} started by {status.StartedBy}" });
        if (trained is not null && activateWhenDone)
        {
            await executor.RunAsync(Actor.System, new ActivateAdapter(trained.Id, trained.Version) { Reason = reason ?? $"activate after training run {status.Id}" });
        }
    }

    private void Update(Job job, Func<TrainingStatus, TrainingStatus> change)
    {
        lock (_lock)
        {
            job.Status = change(job.Status);
        }
    }

    [LoggerMessage(EventId = 5420, Level = LogLevel.Error, Message = "Adapter training failed")]
    private static partial void LogTrainingFailed(ILogger logger, Exception exception);

    private sealed class Job(TrainingStatus status)
    {
        public TrainingStatus Status { get; set; } = status;

        public CancellationTokenSource Cancellation { get; } = new();

        public Task? Task { get; set; }
    }
}

/// <summary>The end of a training run, recorded by the system.</summary>
public sealed record RecordTraining(TrainingStatus Status, AdapterManifest? Trained) : OperatorCommand
{
    public override string Action => "adapters.train_done";

    public override Identity.ConsoleRole RequiredRole => Identity.ConsoleRole.Admin;

    public override string Target => "training";

    public override bool NeedsReason => false;
}

/// <summary>Reports on the training thread itself (Progress&lt;T&gt; would post to a context this background job does not have).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
