using Mapper.Console.Adapters;

namespace Mapper.Console.Hosting;

public static class AdaptersServiceCollectionExtensions
{
    /// <summary>The adapters page's read side (whether or not the model path is on: it says so when it is off).</summary>
    public static IServiceCollection AddAdapterCatalog(this IServiceCollection services) => services.AddSingleton<AdapterCatalog>();
}
