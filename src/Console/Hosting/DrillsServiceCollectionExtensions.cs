using Mapper.Console.Actions;
using Mapper.Console.Drills;
using Mapper.Console.Monitoring;
using Mapper.Engine.Pipeline;

namespace Mapper.Console.Hosting;

public static class DrillsServiceCollectionExtensions
{
    /// <summary>Drills: the one way a fault gets into the live engine, started and stopped only by the executor.</summary>
    public static IServiceCollection AddDrills(this IServiceCollection services, DrillOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<DrillControl>();
        services.AddSingleton<IDrillFaults>(sp => sp.GetRequiredService<DrillControl>());
        services.AddSingleton<IActionHandler, DrillActions>();
        services.AddSingleton<DrillExpiry>();
        services.AddSingleton<IScheduledEnd>(sp => sp.GetRequiredService<DrillExpiry>());
        services.AddSingleton<IBannerSource, DrillBanner>();
        return services;
    }
}
