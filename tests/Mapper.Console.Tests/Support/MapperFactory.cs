using Mapper.Engine.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Mapper.Console.Tests.Support;

/// <summary>
/// The console in memory, with its own data directory and its own metrics registry; <paramref name="services"/>
/// replaces edge services (registered after the console's own, so they win), <paramref name="time"/> the clock.
/// </summary>
public sealed class MapperFactory(
    IReadOnlyDictionary<string, string?>? settings = null, IModelScorer? model = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The first admin's password on every test store (the console would otherwise generate one).</summary>
    public const string AdminPassword = "test-admin-password";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "mapper-console-tests", Guid.NewGuid().ToString("N"));

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Mapper:DataDirectory", DataDirectory);

        // Training a baseline adapter per test app would cost seconds each; model tests opt in.
        builder.UseSetting("Model:Enabled", "false");
        builder.UseSetting("Security:InitialAdminPassword", AdminPassword);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton(Registry);
            if (time is not null)
            {
                collection.AddSingleton(time);
            }

            if (model is not null)
            {
                collection.AddSingleton(model);
            }

            services?.Invoke(collection);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        else if (File.Exists(DataDirectory))
        {
            File.Delete(DataDirectory);
        }
    }

    public async Task<string> ScrapeAsync()
    {
        using var client = CreateClient();
        return await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
    }
}
