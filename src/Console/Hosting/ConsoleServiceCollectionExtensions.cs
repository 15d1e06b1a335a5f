using System.Reflection;
using System.Text.Json;
using Mapper.Console.Admin;
using Mapper.Console.Api;
using Mapper.Console.Drills;
using Mapper.Engine.Controls;
using Mapper.Engine;
using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Prometheus;

namespace Mapper.Console.Hosting;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// The console: validated settings, the engine, telemetry (the decision recorder), the control plane
    /// (store, accounts, executor), the HTTP APIs and the Blazor UI. Throws <see cref="InvalidConfigurationException"/> naming every bad setting.
    /// </summary>
    public static IServiceCollection AddConsole(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = ConsoleSettings.Load(configuration);
        services.AddSingleton(settings.Api);
        services.AddSingleton(settings.Slo);
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(Metrics.DefaultRegistry);
        services.AddSingleton(sp => new SliWindows(sp.GetRequiredService<TimeProvider>(), settings.Slo.Window));
        services.AddSingleton(_ => new RecentDecisions(settings.Slo.RecentDecisions));
        services.AddSingleton(sp => new DecisionStats(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromHours(1)));
        services.AddSingleton(CreateTelemetry);
        services.AddSingleton<IDecisionRecorder>(sp => sp.GetRequiredService<MapperTelemetry>());
        services.AddMappingEngine(settings.Engine);
        services.AddControlPlane(settings, configuration);
        services.AddDrills(settings.Drills);
        if (settings.Model.Enabled)
        {
            services.AddModelPath(settings.Model.ToModelOptions(settings.Engine.DataDirectory));
            services.AddModelActions();
        }

        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<CallerRateLimiter>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<BatchMapper>();
        services.AddSingleton<MapHandler>();
        services.AddSingleton<HealthProbe>();
        services.AddMonitoring();
        services.AddAlerts(settings);
        services.AddOperationsPages();
        services.AddPlayground();
        services.AddAdapterCatalog();
        services.AddIncidents(settings.Escalation);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerOpenApi>());
        services.AddRunbooks(configuration);

        // Antiforgery and circuit keys live in the data directory, so they survive a restart like everything else the console writes.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.Engine.DataDirectory, "keys")));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    /// <summary>The in-process ONNX model behind the pipeline's model seam, brought up in the background.</summary>
    private static void AddModelPath(this IServiceCollection services, ModelOptions options)
    {
        services.AddSingleton(sp => sp.GetRequiredService<EngineDataProvider>().Current.Data);
        services.AddModelServices(options);
        services.AddSingleton(sp => new QueueLagSource(() => sp.GetRequiredService<OnnxModelScorer>().QueueLag));
    }

    private static MapperTelemetry CreateTelemetry(IServiceProvider services)
    {
        var data = services.GetRequiredService<EngineDataProvider>();
        var telemetry = new MapperTelemetry(
            services.GetRequiredService<CollectorRegistry>(),
            services.GetRequiredService<SliWindows>(),
            services.GetRequiredService<RecentDecisions>(),
            services.GetRequiredService<DecisionStats>(),
            Version(),
            () => data.Current.Versions.Taxonomy);
        if (services.GetService<IModelScorer>() is { } model)
        {
            telemetry.UseActiveModel(() => model.ActiveModel);
        }

        if (services.GetService<OnnxModelScorer>() is { } onnx)
        {
            telemetry.UseModelCache(() => onnx.CacheLookups);
        }

        // A queue-stall drill reports its stall's age as the lag: a stuck consumer is what that gauge watches for.
        var drills = services.GetRequiredService<DrillControl>();
        var lag = services.GetService<QueueLagSource>();
        telemetry.UseQueueLag(() => TimeSpan.FromTicks(Math.Max(lag?.OldestWaiting().Ticks ?? 0, drills.StallAge.Ticks)));
        var controls = services.GetRequiredService<RuntimeControlsStore>();
        telemetry.UseRulesOnly(() => controls.Current.Mode == MappingMode.RulesOnly);

        return telemetry;
    }

    /// <summary>The informational version, with the commit (if stamped) cut to 7 characters.</summary>
    private static string Version()
    {
        var version = typeof(ConsoleServiceCollectionExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 || version.Length <= plus + 8 ? version : version[..(plus + 8)];
    }
}
