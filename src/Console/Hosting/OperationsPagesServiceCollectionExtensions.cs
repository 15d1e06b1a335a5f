using Mapper.Console.Actions;
using Mapper.Console.Admin;

namespace Mapper.Console.Hosting;

public static class OperationsPagesServiceCollectionExtensions
{
    /// <summary>The read services behind the Controls, Audit log and Users pages (their changes go through the executor).</summary>
    public static IServiceCollection AddOperationsPages(this IServiceCollection services)
    {
        services.AddSingleton<ControlsService>();
        services.AddSingleton<AccountQueries>();
        return services;
    }
}
