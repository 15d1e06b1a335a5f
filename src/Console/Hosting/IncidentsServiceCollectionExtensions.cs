using Mapper.Console.Actions;
using Mapper.Console.Components.Layout;
using Mapper.Console.Incidents;

namespace Mapper.Console.Hosting;

public static class IncidentsServiceCollectionExtensions
{
    /// <summary>
    /// Incidents: their commands' handlers on the one executor, the timeline projection and post-mortem export, the
    /// escalation of long-firing critical alerts and its webhook delivery, and the nav entry.
    /// </summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services, EscalationOptions escalation)
    {
        services.AddSingleton(escalation);
        services.AddSingleton<IActionHandler, IncidentActions>();
        services.AddSingleton<IActionHandler, NoteActions>();
        services.AddSingleton<IActionHandler, EscalationActions>();
        services.AddSingleton<SliReadings>();
        services.AddSingleton<IncidentTimeline>();
        services.AddSingleton<IncidentsService>();

        services.AddSingleton<EscalationQueue>();
        services.AddSingleton<EscalationPayloads>();
        services.AddHttpClient(WebhookNotifier.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<WebhookNotifier>();
        services.AddHostedService<EscalationWorker>();
        services.AddSingleton<Escalator>();
        services.AddHostedService(sp => sp.GetRequiredService<Escalator>());

        services.AddSingleton(new NavLinkEntry("/incidents", "Incidents", MudBlazor.Icons.Material.Filled.LocalFireDepartment));
        return services;
    }
}
