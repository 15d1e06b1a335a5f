using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mapper.Engine.Model;

public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the in-process model path as singletons: store, gate, registry, micro-batcher,
    /// <see cref="IModelScorer"/> (an <see cref="OnnxModelScorer"/>) and the bootstrapper. Needs
    /// <see cref="MappingData"/> and <see cref="RuntimeControlsStore"/> registered by the caller; adds
    /// <see cref="TimeProvider.System"/> and null loggers only if none are registered.
    /// </summary>
    public static IServiceCollection AddModelServices(this IServiceCollection services, ModelOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(NullLogger<>)));
        services.AddSingleton(_ => new AdapterStore(options.AdapterStorePath));
        services.AddSingleton(sp => new AdapterGate(sp.GetRequiredService<MappingData>(), options));
        services.AddSingleton<AdapterRegistry>();
        services.AddSingleton(sp => new MicroBatcher(
            sp.GetRequiredService<AdapterRegistry>().Predict,
            sp.GetRequiredService<RuntimeControlsStore>(),
            sp.GetRequiredService<TimeProvider>(),
            options.QueueCapacity));
        services.AddSingleton<OnnxModelScorer>();
        services.AddSingleton<IModelScorer>(sp => sp.GetRequiredService<OnnxModelScorer>());
        services.AddSingleton<AdapterBootstrapper>();
        return services;
    }
}
