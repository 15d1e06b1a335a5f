using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mapper.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The mapping engine: data (loaded and validated now, so a broken table stops start-up), runtime
    /// controls, and the pipeline. A model scorer and a decision recorder are used when registered.
    /// </summary>
    public static IServiceCollection AddMappingEngine(this IServiceCollection services, EngineOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid configuration: " + string.Join("; ", problems));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(sp => new EngineDataProvider(options.ResolvedMappingDataDirectory, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new RuntimeControlsStore(options.ToInitialControls()));
        services.TryAddSingleton<IDecisionRecorder, NullDecisionRecorder>();
        services.AddSingleton(sp => new MappingPipeline(
            sp.GetRequiredService<EngineDataProvider>(),
            sp.GetRequiredService<RuntimeControlsStore>(),
            sp.GetService<IModelScorer>(),
            sp.GetRequiredService<IDecisionRecorder>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IDrillFaults>()));
        return services;
    }
}
