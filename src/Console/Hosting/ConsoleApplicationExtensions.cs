using Mapper.Console.Api;
using Mapper.Console.Components;
using Mapper.Engine;
using Mapper.Engine.Data;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Hosting;

public static class ConsoleApplicationExtensions
{
    /// <summary>
    /// Loads the mapping data and creates every metric now, so a broken table stops start-up and
    /// <c>/metrics</c> lists every collector from the first scrape; then the middleware, outermost first.
    /// </summary>
    public static WebApplication UseConsole(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<EngineDataProvider>();
        }
        catch (MappingDataException e)
        {
            throw new InvalidConfigurationException([$"{EngineOptions.Section}:MappingDataDirectory: the mapping data cannot be loaded: {e.Message}"]);
        }

        app.Services.GetRequiredService<MapperTelemetry>();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiExceptionHandler.HandleAsync });
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapConsoleUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
