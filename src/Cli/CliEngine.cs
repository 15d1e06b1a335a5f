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

    private readonly bool _withModel;

    private CliEngine(ServiceProvider services, EngineOptions options, bool withModel)
    {
        _services = services;
        _withModel = withModel;
        Options = options;
        Data = services.GetRequiredService<EngineDataProvider>();
    }

    public EngineOptions Options { get; }

    public EngineDataProvider Data { get; }

    /// <summary>Resolved on first use: with the model path, resolving it opens the adapter store.</summary>
    public MappingPipeline Pipeline => _services.GetRequiredService<MappingPipeline>();

    /// <summary>The model path once <see cref="ActivateModelAsync"/> ran (it may still have no active adapter), else null.</summary>
    public IModelScorer? Model { get; private set; }

    /// <summary>
    /// Throws <see cref="MappingDataException"/> when the mapping data do not load. With <paramref name="withModel"/>
    /// the model services are registered; <see cref="ActivateModelAsync"/> then makes an adapter active, so a
    /// command can reject bad input before it trains anything.
    /// </summary>
    public static async Task<CliEngine> CreateAsync(LoadedOptions loaded, bool withModel)
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
            return new CliEngine(provider, loaded.Options, withModel);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>Restores, activates or trains an adapter (see <see cref="ModelScorerFactory.ActivateAsync"/>); a no-op without the model path.</summary>
    public async Task ActivateModelAsync(TextWriter error, CancellationToken cancellationToken)
    {
        if (_withModel && Model is null)
        {
            Model = await ModelScorerFactory.ActivateAsync(_services, error, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
