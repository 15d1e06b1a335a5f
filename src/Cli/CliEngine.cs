using Mapper.Engine;
using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Cli;

/// <summary>The engine wired the way the service wires it (<c>AddMappingEngine</c>), plus the CLI's model seam.</summary>
public sealed class CliEngine : IDisposable
{
    private readonly ServiceProvider _services;

    private CliEngine(ServiceProvider services, EngineOptions options)
    {
        _services = services;
        Options = options;
        Data = services.GetRequiredService<EngineDataProvider>();
        Pipeline = services.GetRequiredService<MappingPipeline>();
        Model = services.GetService<IModelScorer>();
    }

    public EngineOptions Options { get; }

    public EngineDataProvider Data { get; }

    public MappingPipeline Pipeline { get; }

    public IModelScorer? Model { get; }

    /// <summary>Throws <see cref="MappingDataException"/> when the mapping data does not load.</summary>
    public static CliEngine Create(LoadedOptions loaded)
    {
        var services = new ServiceCollection();
        if (ModelScorerFactory.Create(loaded.Options, loaded.Configuration) is { } model)
        {
            services.AddSingleton(model);
        }

        services.AddMappingEngine(loaded.Options);
        var provider = services.BuildServiceProvider();
        try
        {
            return new CliEngine(provider, loaded.Options);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    public void Dispose() => _services.Dispose();
}
