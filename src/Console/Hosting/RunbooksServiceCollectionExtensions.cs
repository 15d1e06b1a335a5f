using Mapper.Console.Actions;
using Mapper.Console.Components.Layout;
using Mapper.Console.Runbooks;
using Mapper.Console.Runbooks.ActionLinks;
using Mapper.Console.Runbooks.Panels;
using MudBlazor;

namespace Mapper.Console.Hosting;

public static class RunbooksServiceCollectionExtensions
{
    /// <summary>
    /// Runbooks: the folder (<c>Runbooks:Directory</c>) read and watched, the actions their links may name, the reads
    /// behind their panels, the runs and step checks (audit rows through the executor), and the nav entry.
    /// Throws <see cref="InvalidConfigurationException"/> naming a bad setting.
    /// </summary>
    public static IServiceCollection AddRunbooks(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new RunbookOptions();
        configuration.GetSection(RunbookOptions.Section).Bind(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new InvalidConfigurationException(problems);
        }

        services.AddSingleton(options);
        services.AddSingleton(sp => new RunbookLibrary(
            options.Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
            TimeSpan.FromMilliseconds(options.ReloadDelayMs),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RunbookLibrary>>()));
        services.AddSingleton<IActionHandler, RunbookRunActions>();
        services.AddSingleton<RunbookRuns>();

        services.AddSingleton<RunbookAction>(sp => new KillSwitchLinkAction(true, sp.GetRequiredService<LiveRecord>()));
        services.AddSingleton<RunbookAction>(sp => new KillSwitchLinkAction(false, sp.GetRequiredService<LiveRecord>()));
        services.AddSingleton<RunbookAction, SetThresholdLinkAction>();
        services.AddSingleton<RunbookAction, ClearThresholdLinkAction>();
        services.AddSingleton<RunbookAction, BatchLimitsLinkAction>();
        services.AddSingleton<RunbookAction, RestoreLinkAction>();
        services.AddSingleton<RunbookAction, ResetControlsLinkAction>();
        services.AddSingleton<RunbookAction, RollbackAdapterLinkAction>();
        services.AddSingleton<RunbookAction, ActivateAdapterLinkAction>();
        services.AddSingleton<RunbookAction, StartDrillLinkAction>();
        services.AddSingleton<RunbookAction, StopDrillLinkAction>();
        services.AddSingleton<RunbookAction, OpenIncidentLinkAction>();
        services.AddSingleton<RunbookAction, PageSecondaryLinkAction>();
        services.AddSingleton<RunbookActionRegistry>();

        services.AddSingleton<PanelReads>();
        services.AddSingleton<GoldenRuns>();
        services.AddSingleton<ErrorHistory>();
        services.AddSingleton(new NavLinkEntry(RunbookLinks.Route, "Runbooks", Icons.Material.Filled.MenuBook));
        return services;
    }
}
