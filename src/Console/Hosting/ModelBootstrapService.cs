using Mapper.Engine.Model.Adapters;

namespace Mapper.Console.Hosting;

/// <summary>
/// Brings the model up off the request path: the console serves from the rules (reason
/// <c>no_model</c>) for the few seconds a fresh install takes to train its baseline adapter.
/// </summary>
public sealed partial class ModelBootstrapService(AdapterBootstrapper bootstrapper, ILogger<ModelBootstrapService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await bootstrapper.EnsureActiveAsync(stoppingToken);
            LogModelReady(logger, outcome);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The rules keep serving; /health reports the model as failed with this reason.
            LogModelFailed(logger, e.Message);
        }
    }

    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Model path ready: {Outcome}")]
    private static partial void LogModelReady(ILogger logger, BootstrapOutcome outcome);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Error, Message = "Model path could not start; the rules answer every request: {Reason}")]
    private static partial void LogModelFailed(ILogger logger, string reason);
}
