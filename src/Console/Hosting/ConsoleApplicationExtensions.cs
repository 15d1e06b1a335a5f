using Mapper.Console.Admin;
using Mapper.Console.Api;
using Mapper.Console.Components;
using Mapper.Console.Drills;
using Mapper.Console.Identity;
using Mapper.Console.Store;
using Mapper.Engine;
using Mapper.Engine.Data;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Hosting;

public static partial class ConsoleApplicationExtensions
{
    /// <summary>
    /// Loads the mapping data and creates every metric now, so a broken table stops start-up and
    /// <c>/metrics</c> lists every collector from the first scrape; then the middleware, outermost first.
    /// </summary>
    public static async Task<WebApplication> UseConsoleAsync(this WebApplication app)
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
        try
        {
            await app.PrepareControlPlaneAsync();
        }
        catch (StoreUnusableException e)
        {
            throw new InvalidConfigurationException([$"ConnectionStrings:{StoreLocation.ConnectionName} (the store): {e.Message}"]);
        }

        var engine = app.Services.GetRequiredService<EngineOptions>();
        var api = app.Services.GetRequiredService<ApiOptions>();
        LogStarting(app.Logger, engine.Mode, engine.Profile, engine.DataDirectory, api.RequireApiKey, api.RawContentGuard);
        app.UseTrustedProxies();   // first: every later step sees the client address, never one a client forwarded itself
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseMiddleware<Http5xxDrill>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiExceptionHandler.HandleAsync });
        app.UseMiddleware<SecurityHeaders>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapConsoleUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapSignOut();
        app.MapAuditPageExport();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    [LoggerMessage(EventId = 5200, Level = LogLevel.Information,
        Message = "Mapper console starting: mode {Mode}, profile {Profile}, data directory {DataDirectory}, API keys required {RequireApiKey}, raw-content guard {RawContentGuard}")]
    private static partial void LogStarting(ILogger logger, string mode, string profile, string dataDirectory, bool requireApiKey, bool rawContentGuard);
}
