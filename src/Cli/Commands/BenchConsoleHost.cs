using Mapper.Console.Api;
using Mapper.Console.Hosting;
using Mapper.Engine.Controls;
using Mapper.Engine.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Mapper.Cli.Commands;

/// <summary>
/// The console, in this process, on real Kestrel at 127.0.0.1 on a free port, composed exactly as the
/// console program composes it (its settings, its services, its middleware, its /map API) with its own temp
/// data directory, its own metrics registry, no rate limit and no log output. Adds one no-op route, the
/// framework's own ceiling for the same request. The UI is not mapped: nothing here renders a page.
/// </summary>
public sealed class BenchConsoleHost : IAsyncDisposable
{
    public const string NoOpPath = "/bench/noop";

    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private BenchConsoleHost(WebApplication app, string dataDirectory, Uri address)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>What serves on the model path now (<c>id@version</c>), or null.</summary>
    public string? ActiveModel => _app.Services.GetService<IModelScorer>()?.ActiveModel;

    /// <summary>Starts the console; <paramref name="configPath"/> (optional) is layered over the repository settings, <paramref name="overrides"/> over both.</summary>
    public static async Task<BenchConsoleHost> StartAsync(string? configPath, IReadOnlyDictionary<string, string?>? overrides, CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("mapper-bench-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = [],
                EnvironmentName = Environments.Production,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Configuration.AddRepositorySettings();
            if (configPath is not null)
            {
                builder.Configuration.AddJsonFile(Path.GetFullPath(configPath), optional: false);
            }

            var settings = new Dictionary<string, string?>
            {
                ["Mapper:DataDirectory"] = dataDirectory,
                ["Api:RateLimitPerSecond"] = "0",
            };
            foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddSingleton(Metrics.NewCustomRegistry());
            builder.Services.AddConsole(builder.Configuration);
            var app = builder.Build();
            await app.UseConsoleAsync();
            app.MapMapperApi();
            app.MapPost(NoOpPath, static () => Results.Text("{}", "application/json"));
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new BenchConsoleHost(app, dataDirectory, new Uri(address));
        }
        catch
        {
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>Waits until the model adapter is active (a fresh data directory trains the bundled baseline first).</summary>
    public async Task<string> WaitForModelAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_app.Services.GetService<IModelScorer>() is null)
        {
            throw new CheckFailedException("the model path is off (Model:Enabled is false); the benchmark measures the real model path");
        }

        var deadline = DateTime.UtcNow + timeout;
        while (ActiveModel is null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new CheckFailedException($"no model adapter became active within {timeout.TotalSeconds:0} s; see GET /health");
            }

            await Task.Delay(100, cancellationToken);
        }

        return ActiveModel;
    }

    /// <summary>Switches the engine's mode the way the console's operators do, through the runtime controls.</summary>
    public void SetMode(MappingMode mode) =>
        _app.Services.GetRequiredService<RuntimeControlsStore>().Update(c => c with { Mode = mode });

    /// <summary>Model-path requests the active adapter answered from its cache, and those it did not, so far.</summary>
    public (long Hits, long Misses) CacheLookups() => _app.Services.GetRequiredService<OnnxModelScorer>().CacheLookups;

    /// <summary>False makes every hybrid request run the model, even for a label the adapter has answered before.</summary>
    public void AnswerFromCache(bool answer) => _app.Services.GetRequiredService<OnnxModelScorer>().AnswerFromCache = answer;

    public ApiOptions Api => _app.Services.GetRequiredService<ApiOptions>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
