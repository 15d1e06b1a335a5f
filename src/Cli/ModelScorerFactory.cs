using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Cli;

/// <summary>
/// The CLI's model path, wired like the service: <see cref="ModelServiceCollectionExtensions.AddModelServices"/>
/// with the adapter store at <c>&lt;Mapper:DataDirectory&gt;/adapters</c>, optional settings from the
/// <c>Model</c> section (as the console reads it), and the bootstrapper run once before the first case.
/// </summary>
public static class ModelScorerFactory
{
    /// <summary>Registers the model services; the engine's <see cref="EngineDataProvider"/> supplies the mapping data.</summary>
    public static void AddTo(IServiceCollection services, ModelOptions model)
    {
        services.AddSingleton(sp => sp.GetRequiredService<EngineDataProvider>().Current.Data);
        services.AddModelServices(model);
    }

    /// <summary>
    /// Makes an adapter active (restoring, or training the baseline when the store is empty, which stderr
    /// reports). A refused adapter is reported too; the scorer then has no active model and hybrid answers
    /// from the rules with reason <c>no_model</c>.
    /// </summary>
    public static async Task<IModelScorer> ActivateAsync(IServiceProvider services, TextWriter error, CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<AdapterRegistry>();
        try
        {
            var outcome = await services.GetRequiredService<AdapterBootstrapper>().EnsureActiveAsync(cancellationToken);
            if (outcome == BootstrapOutcome.TrainedBaseline && registry.ActiveManifest is { } m)
            {
                await error.WriteLineAsync(
                    $"mapper: no usable adapter in {services.GetRequiredService<AdapterStore>().Root}: trained the bundled baseline {m.Name} " +
                    $"in {m.Metrics.TrainingSeconds:0.00} s ({m.TrainingRows} rows, {m.DroppedByLeakGuard} dropped by the leak guard) and activated it");
            }
        }
        catch (AdapterRejectedException e)
        {
            await error.WriteLineAsync($"mapper: model path unavailable, hybrid answers from the rules (no_model): {e.Message}");
        }

        return services.GetRequiredService<IModelScorer>();
    }
}
