using Mapper.Console.Actions;
using Mapper.Console.Playground;

namespace Mapper.Console.Hosting;

public static class PlaygroundServiceCollectionExtensions
{
    /// <summary>The playground (runs through the production pipeline, audited) and the regression cases saved from it.</summary>
    public static IServiceCollection AddPlayground(this IServiceCollection services)
    {
        services.AddSingleton<PlaygroundService>();
        services.AddSingleton<RegressionCases>();
        services.AddSingleton<IActionHandler, PlaygroundActions>();
        return services;
    }
}
