using Mapper.Console.Monitoring;

namespace Mapper.Console.Hosting;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>The one always-on sampler, what it reads, and the SLI history it feeds.</summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        services.AddSingleton<SampleReader>();
        services.AddSingleton<SliHistory>();
        services.AddSingleton<EngineSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineSampler>());
        services.AddSingleton<IBannerSource, KillSwitchBanner>();
        services.AddSingleton<OverviewService>();
        services.AddSingleton<ThresholdPreview>();
        return services;
    }
}
