using Mapper.Console.Components.Layout;
using Mapper.Console.Monitoring;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Console.Monitoring.Budgets;

namespace Mapper.Console.Hosting;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>The alert evaluator on the one sampler, its banner and page link, and the error budgets.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, ConsoleSettings settings)
    {
        var definitions = AlertCatalog.Build(settings.Alerts, settings.Slo, settings.Engine.Profile);
        services.AddSingleton(definitions);
        services.AddSingleton(sp => new AlertEvaluator(
            definitions,
            sp.GetRequiredService<EngineSampler>(),
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Store.MapperDbContext>>(),
            sp.GetRequiredService<Actions.LiveRecord>(),
            sp.GetRequiredService<ILogger<AlertEvaluator>>()));
        services.AddHostedService(sp => sp.GetRequiredService<AlertEvaluator>());
        services.AddSingleton<IBannerSource, AlertBanner>();
        services.AddSingleton<ErrorBudgets>();
        services.AddSingleton<AlertsPageService>();
        services.AddSingleton(new NavLinkEntry("/alerts", "Alerts", MudBlazor.Icons.Material.Filled.NotificationsActive));
        return services;
    }
}
