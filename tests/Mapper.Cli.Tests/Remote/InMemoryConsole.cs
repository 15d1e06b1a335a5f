using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Mapper.Cli.Tests.Remote;

/// <summary>
/// The real console in memory, configured as the console tests do it (own data directory, own metrics registry,
/// model off unless asked), with a known first-admin password. The CLI reaches it through <see cref="Handler"/>.
/// </summary>
public class InMemoryConsole : WebApplicationFactory<Program>
{
    public const string AdminPassword = "correct-horse-battery-staple";

    /// <summary>Any URL reaches the in-memory server; this one keys the saved tokens.</summary>
    public const string Url = "http://console.test";

    private readonly Lazy<Task<CliSession>> _admin;
    private HttpMessageHandler? _handler;

    public InMemoryConsole() => _admin = new(() => LoginAsync("admin", AdminPassword));

    public string Scratch { get; } = Directory.CreateTempSubdirectory("mapper-cli-remote-").FullName;

    public string DataDirectory => Path.Combine(Scratch, "data");

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    /// <summary>The in-memory server's handler, shared by every CLI run (the CLI never disposes a handler it was given).</summary>
    public HttpMessageHandler Handler => _handler ??= Server.CreateHandler();

    /// <summary>Settings above the test defaults (a subclass turns the model on).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>A CLI with its own config directory, not there yet (so: not logged in; login creates it), talking to this console.</summary>
    public CliSession Session() => new(Handler, Path.Combine(Scratch, "home-" + Guid.NewGuid().ToString("N")[..12], "mapper"), Url);

    public async Task<CliSession> LoginAsync(string user, string password)
    {
        var session = Session();
        var run = await session.RunAsync(["login", "--user", user], stdin: password + "\n");
        Assert.True(run.ExitCode == 0, $"login as {user} exited {run.ExitCode}: {run.Err}");
        return session;
    }

    /// <summary>One admin session per console (logging in costs a password hash).</summary>
    public Task<CliSession> AdminAsync() => _admin.Value;

    /// <summary>Reads the admin API directly (no CLI, no X-Mapper-Client header): what the assertions check the CLI against.</summary>
    public async Task<JsonNode> GetAsync(string path, CliSession session)
    {
        using var client = new HttpClient(Handler, disposeHandler: false) { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        var text = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
        return JsonNode.Parse(text)!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Mapper:DataDirectory", DataDirectory);
        builder.UseSetting("Model:Enabled", "false");
        builder.UseSetting("Security:InitialAdminPassword", AdminPassword);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton(Registry));
    }

    public override async ValueTask DisposeAsync()
    {
        _handler?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Directory.Exists(Scratch))
        {
            Directory.Delete(Scratch, recursive: true);
        }
    }
}
