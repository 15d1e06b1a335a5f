using Mapper.Engine.Controls;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Pipeline;

namespace Mapper.Console.Hosting;

/// <summary>
/// Brings the model up off the request path: the console serves from the rules (reason
/// <c>no_model</c>) for the few seconds a fresh install takes to train its baseline adapter.
/// </summary>
public sealed partial class ModelBootstrapService(
    AdapterBootstrapper bootstrapper, MappingPipeline pipeline, ILogger<ModelBootstrapService> logger) : BackgroundService
{
    /// <summary>Uncounted requests that JIT-compile both paths, so the first client request is not the slow one.</summary>
    private static readonly MapOptions WarmUp = new() { RecordInSlis = false };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await pipeline.MapAsync(new MapRequest("presidio", "US_SSN"), WarmUp with { ModeOverride = MappingMode.RulesOnly }, stoppingToken);
            var outcome = await bootstrapper.EnsureActiveAsync(stoppingToken);
            await pipeline.MapAsync(new MapRequest("presidio", "US_SSN|EMAIL_ADDRESS"), WarmUp, stoppingToken);
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
