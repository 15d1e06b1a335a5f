using Mapper.Engine.Controls;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;
using Mapper.Engine.Pipeline;

namespace Mapper.Console.Actions;

/// <summary>
/// Brings the model up off the request path (the rules answer with reason <c>no_model</c> meanwhile): the
/// adapter the audit log says is live serves again under its revision; if it is refused (a corrupt or missing
/// file), an earlier one that served, the newest stored, or a freshly trained baseline takes its place as a new
/// revision recorded by the system, with every refusal named in the log, in the audit row and in <c>/health</c>.
/// </summary>
public sealed partial class ModelStartup(
    AdapterBootstrapper bootstrapper,
    AdapterRegistry registry,
    AdapterStore store,
    LiveRecord live,
    AuditQueries audit,
    OperatorExecutor executor,
    RegistryExportWriter export,
    MappingPipeline pipeline,
    ILogger<ModelStartup> logger) : BackgroundService
{
    /// <summary>Uncounted requests that JIT-compile both paths, so the first client request is not the slow one.</summary>
    private static readonly MapOptions WarmUp = new() { RecordInSlis = false };

    private volatile IReadOnlyList<string> _refused = [];

    /// <summary>Adapters start-up could not serve, each with the file or check that failed.</summary>
    public IReadOnlyList<string> Refused => _refused;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await pipeline.MapAsync(new MapRequest("presidio", "US_SSN"), WarmUp with { ModeOverride = MappingMode.RulesOnly }, stoppingToken);
            using (registry.Loading())
            {
                await BringUpAsync(stoppingToken);
            }

            await pipeline.MapAsync(new MapRequest("presidio", "US_SSN|EMAIL_ADDRESS"), WarmUp, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The rules keep serving; /health reports the model as failed with this reason.
            LogModelFailed(logger, e, e.Message);
        }
    }

    private async Task BringUpAsync(CancellationToken cancellationToken)
    {
        var current = live.Current.Controls;
        var served = await ServedBeforeAsync(current, cancellationToken);
        var choice = await Task.Run(() => bootstrapper.Choose(served, cancellationToken), cancellationToken);
        _refused = choice.Refused;
        foreach (var refusal in choice.Refused)
        {
            LogRefused(logger, refusal);
        }

        var name = choice.Gated.Manifest.Name;
        if (choice.Outcome == BootstrapOutcome.Restored && name == current.ActiveAdapter)
        {
            registry.Publish(choice.Gated, current.AdapterRevision, "restore", "start-up", Actor.SystemName, DateTimeOffset.UtcNow);
            LogReady(logger, name, current.AdapterRevision, choice.Outcome.ToString());
            return;
        }

        var kind = choice.Refused.Count > 0 && current.ActiveAdapter is not null ? AdapterRevision.KindRecovery : AdapterRevision.KindBootstrap;
        var reason = Reason(choice, current.ActiveAdapter);
        var outcome = await executor.RunAsync(Actor.System, new BootstrapAdapter(choice, kind) { Reason = reason }, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"start-up could not record the activation of {name}: {outcome.Message}");
        }

        LogReady(logger, name, live.Current.Controls.AdapterRevision, choice.Outcome.ToString());
    }

    /// <summary>What served before, the live one first: from the audit log, or once from an older install's registry.json.</summary>
    private async Task<List<string>> ServedBeforeAsync(RuntimeControls current, CancellationToken cancellationToken)
    {
        var history = await audit.AdapterHistoryAsync(cancellationToken);
        var names = history.Select(h => h.Adapter).Reverse().ToList();
        if (names.Count == 0)
        {
            var legacy = RegistryExport.Read(store.Root);
            if (legacy.Problem is { } problem)
            {
                LogRefused(logger, problem);
                _refused = [problem];
            }

            names = [.. legacy.Revisions.Reverse().Select(r => r.Adapter)];
        }
        else if (!File.Exists(RegistryExport.PathIn(store.Root)))
        {
            await export.WriteAsync(cancellationToken);
        }

        if (current.ActiveAdapter is { } active)
        {
            names.Insert(0, active);
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static string Reason(BootstrapChoice choice, string? wasLive)
    {
        var refused = choice.Refused.Count == 0 ? "" : $" after refusing {choice.Refused.Count} ({string.Join("; ", choice.Refused)})";
        var how = choice.Outcome switch
        {
            BootstrapOutcome.Restored => "what served before (registry.json of an earlier install)",
            BootstrapOutcome.RecoveredEarlier => "an earlier adapter that served before",
            BootstrapOutcome.ActivatedStored => "the newest stored adapter",
            _ => "the baseline trained from the bundled data",
        };
        return $"start-up{(wasLive is null ? "" : $" ({wasLive} was live)")}: {how}{refused}";
    }

    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Model path ready: {Adapter} as revision {Revision} ({Outcome})")]
    private static partial void LogReady(ILogger logger, string adapter, int revision, string outcome);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Error, Message = "Model path could not start; the rules answer every request: {Reason}")]
    private static partial void LogModelFailed(ILogger logger, Exception exception, string reason);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "At start-up an adapter could not serve: {Refusal}")]
    private static partial void LogRefused(ILogger logger, string refusal);
}
