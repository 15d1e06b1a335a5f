using Mapper.Engine;
using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Quality;

namespace Mapper.Console.Runbooks.Panels;

/// <summary>The golden run as the panel shows it: who started it, how far it is, and its report when done.</summary>
public sealed record GoldenRunState(bool Running, int Done, int Total, string? StartedBy, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string Mode, QualityReport? Report, string? Error)
{
    public static readonly GoldenRunState Idle = new(false, 0, 0, null, null, null, "", null, null);

    public double Percent => Total == 0 ? 0 : 100.0 * Done / Total;
}

/// <summary>
/// The bundled golden cases run on the production pipeline (<see cref="MapOptions.RecordInSlis"/> off, so live SLIs
/// do not move), in the mode in force when it starts, judged against the production gates. One run at a time for
/// the whole console: it costs CPU on the process that serves. It is a read, not a change, so it is not audited.
/// </summary>
public sealed partial class GoldenRuns(
    MappingPipeline pipeline, EngineDataProvider data, RuntimeControlsStore controls, EngineOptions engine, IServiceProvider services, TimeProvider time, ILogger<GoldenRuns> logger)
    : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private GoldenRunState _state = GoldenRunState.Idle;
    private Task _run = Task.CompletedTask;

    public GoldenRunState Current => Volatile.Read(ref _state);

    /// <summary>Starts a run unless one is going; false when one is.</summary>
    public bool TryStart(string startedBy)
    {
        lock (_lock)
        {
            if (_state.Running)
            {
                return false;
            }

            var mode = controls.Current.Mode;
            _state = new GoldenRunState(true, 0, 0, startedBy, time.GetUtcNow(), null, EngineOptions.ModeName(mode), null, null);
            _run = Task.Run(() => RunAsync(mode, _stopping.Token));
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _run;
        _stopping.Dispose();
    }

    private async Task RunAsync(MappingMode mode, CancellationToken cancellationToken)
    {
        try
        {
            var directory = services.GetService<ModelOptions>()?.GoldenDirectory ?? ModelOptions.BundledGoldenDirectory;
            var files = GoldenCaseLoader.LoadAll(directory, data.Current.Data.Taxonomy);
            var total = files.Sum(f => f.Cases.Count);
            Update(s => s with { Total = total });
            var runner = new QualityRunner(pipeline, data, services.GetService<IModelScorer>());
            var progress = new Progress(done => Update(s => s with { Done = done }));
            var report = await runner.RunAsync(files, new QualityRunSettings(mode, QualityEnvironment.Production, engine.Profile), progress, cancellationToken);
            Update(s => s with { Running = false, Done = total, FinishedAt = time.GetUtcNow(), Report = report });
            LogFinished(logger, report.Total, report.LabelAccuracyPercent, report.Passed);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: whatever the cut-short run threw (cancelled, or a service already disposed) is not a failure.
            Update(s => s with { Running = false, FinishedAt = time.GetUtcNow(), Error = "stopped: the console is shutting down" });
        }
        catch (Exception e)
        {
            // A bad golden file or anything else: the panel says so and a new run can start; the log has the detail.
            Update(s => s with { Running = false, FinishedAt = time.GetUtcNow(), Error = e.Message });
            LogFailed(logger, e, e.Message);
        }
    }

    private void Update(Func<GoldenRunState, GoldenRunState> change)
    {
        lock (_lock)
        {
            _state = change(_state);
        }
    }

    /// <summary>Reports on the runner's thread (no synchronisation context to post to).</summary>
    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    [LoggerMessage(EventId = 5610, Level = LogLevel.Information, Message = "Golden run from a runbook finished: {Cases} cases, label accuracy {Accuracy:0.0}%, gates passed {Passed}")]
    private static partial void LogFinished(ILogger logger, int cases, double accuracy, bool passed);

    [LoggerMessage(EventId = 5611, Level = LogLevel.Warning, Message = "Golden run from a runbook failed: {Message}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string message);
}
