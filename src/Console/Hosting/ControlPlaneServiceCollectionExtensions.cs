using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Store;
using Mapper.Engine.Controls;
using Mapper.Engine.Model.Serving;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Hosting;

public static class ControlPlaneServiceCollectionExtensions
{
    /// <summary>
    /// The store (EF Core on one SQLite file), accounts, and the one executor with its handlers: everything a
    /// page, a runbook button, the admin API or the CLI acts through.
    /// </summary>
    public static IServiceCollection AddControlPlane(this IServiceCollection services, ConsoleSettings settings, IConfiguration configuration)
    {
        var location = StoreLocation.Resolve(configuration, settings.Engine.DataDirectory);
        services.AddSingleton(location);
        services.AddDbContextFactory<MapperDbContext>(o => o.UseSqlite(location.ConnectionString).AddInterceptors(new SqlitePragmas()));
        services.AddConsoleIdentity(settings.Security);

        services.AddSingleton<AuditTail>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<ConsoleMetrics>();
        services.AddSingleton(sp => new LiveRecord(sp.GetRequiredService<RuntimeControlsStore>()));
        services.AddSingleton<OperatorExecutor>();
        services.AddSingleton<LiveStateLoader>();
        services.AddSingleton<FirstAdmin>();
        services.AddSingleton<IActionHandler, StoreActions>();
        services.AddSingleton<IActionHandler, ControlActions>();
        services.AddSingleton<IActionHandler, AccountActions>();
        services.AddSingleton<IActionHandler, TokenActions>();
        services.AddSingleton<KillSwitchReverter>();
        services.AddSingleton<IScheduledEnd>(sp => sp.GetRequiredService<KillSwitchReverter>());
        services.AddHostedService<ScheduledEnds>();
        services.AddScoped<Components.Shared.PageActions>();
        return services;
    }

    /// <summary>Adapter actions, training and start-up activation, when the model path is on.</summary>
    public static IServiceCollection AddModelActions(this IServiceCollection services)
    {
        services.AddSingleton<RegistryExportWriter>();
        services.AddSingleton<TrainingJobs>();
        services.AddSingleton<IActionHandler, AdapterActions>();
        services.AddSingleton<IActionHandler, TrainingActions>();
        services.AddSingleton<ModelStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelStartup>());
        return services;
    }

    /// <summary>Opens (or creates and migrates) the store, resumes what was live, and makes sure an admin exists. Runs before the console serves.</summary>
    public static async Task PrepareControlPlaneAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var services = app.Services;
        StoreGuard.Prepare(services.GetRequiredService<IDbContextFactory<MapperDbContext>>(), services.GetRequiredService<StoreLocation>());
        await services.GetRequiredService<LiveStateLoader>().LoadAsync(cancellationToken);
        await services.GetRequiredService<FirstAdmin>().EnsureAsync(cancellationToken);
        await services.GetRequiredService<Drills.DrillExpiry>().RecordInterruptedAsync(cancellationToken);
        _ = services.GetService<AdapterRegistry>();
    }
}
