using Mapper.Console.Admin;
using Mapper.Console.Api;
using Mapper.Console.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Root appsettings.json lowest; appsettings.{Environment}.json, MAPPER_DATA_DIR, Section__Key and --Section:Key above it.
builder.Configuration.AddRepositorySettings();

WebApplication app;
try
{
    builder.Services.AddConsole(builder.Configuration);
    app = builder.Build();
    await app.UseConsoleAsync();
}
catch (InvalidConfigurationException e)
{
    // A bad setting is an operator's typo, not a crash: say which one, without a stack trace.
    System.Console.Error.WriteLine($"Mapper console cannot start. {e.Message}");
    return 2;
}

app.MapMapperApi();   // /map, /map/batch, /health, /metrics, /metrics/summary, /openapi/v1.json
app.MapAdminApi();    // /api/v1: controls, adapters, audit, users, tokens (bearer tokens, one executor)
app.MapConsoleUi();   // the Blazor Server console, sign-in and sign-out

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
