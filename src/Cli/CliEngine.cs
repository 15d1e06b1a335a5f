using Mapper.Engine;
using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Cli;

/// <summary>The engine wired the way the service wires it (<c>AddMappingEngine</c>), with or without the model path.</summary>
public sealed class CliEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliEngine(ServiceProvider services, EngineOptions options, IModelScorer? model)
    {
        _services = services;
        Options = options;
        Data = services.GetRequiredService<EngineDataProvider>();
        Pipeline = services.GetRequiredService<MappingPipeline>();
        Model = model;
    }

    public EngineOptions Options { get; }

    public EngineDataProvider Data { get; }

    public MappingPipeline Pipeline { get; }

    /// <summary>The model path when it was asked for (it may still have no active adapter), else null.</summary>
    public IModelScorer? Model { get; }

    /// <summary>
    /// Throws <see cref="MappingDataException"/> when the mapping data (or the model settings) do not load.
    /// With <paramref name="withModel"/>, an adapter is made active first (see <see cref="ModelScorerFactory.ActivateAsync"/>).
    /// </summary>
    public static async Task<CliEngine> CreateAsync(LoadedOptions loaded, bool withModel, TextWriter error, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddMappingEngine(loaded.Options);
        if (withModel)
        {
            ModelScorerFactory.AddTo(services, loaded.Model);
        }

        var provider = services.BuildServiceProvider();
        try
        {
            var model = withModel ? await ModelScorerFactory.ActivateAsync(provider, error, cancellationToken) : null;
            return new CliEngine(provider, loaded.Options, model);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
