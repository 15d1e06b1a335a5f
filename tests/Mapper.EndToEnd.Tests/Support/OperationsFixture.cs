namespace Mapper.EndToEnd.Tests.Support;

/// <summary>
/// A console of its own for the on-call journeys (alert → runbook → action, alert → incident → post-mortem): alerts
/// that fire after seconds rather than minutes, a one-minute SLI window (the shortest there is, so a mitigation shows
/// within a minute), and mapping traffic flowing all the time, so drills have requests to act on. Its drills and kill
/// switch are its own; the browser is the one every test shares (<see cref="ConsoleFixture.Browser"/>).
/// </summary>
public sealed class OperationsFixture(ConsoleFixture shared) : IAsyncLifetime, IBrowserConsole
{
    /// <summary>The <c>for</c> of the two alerts the journeys drive, instead of 10 and 5 minutes.</summary>
    public static readonly TimeSpan AlertFor = TimeSpan.FromSeconds(5);

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Alerts__MapperSchemaValidLow__For"] = "5s",
        ["Alerts__Mapper5xxHigh__For"] = "5s",
        ["Slo__WindowMinutes"] = "1",
    };

    private ConsoleServer? _server;
    private AdminApi? _api;
    private AdminApi? _operatorApi;
    private MappingTraffic? _traffic;
    private SignedInSessions? _sessions;

    public Account Admin { get; } = new("admin", ConsoleServer.AdminPassword, "admin");

    public Account Operator { get; } = new("otto", ConsoleFixture.AccountPassword, "operator");

    public ConsoleServer Server => _server ?? throw new InvalidOperationException("the fixture is not started");

    /// <summary>The admin API signed in as <see cref="Admin"/>.</summary>
    public AdminApi Api => _api ?? throw new InvalidOperationException("the fixture is not started");

    /// <summary>The admin API signed in as <see cref="Operator"/> (for what the pages offer no field for).</summary>
    public AdminApi OperatorApi => _operatorApi ?? throw new InvalidOperationException("the fixture is not started");

    private SignedInSessions Sessions => _sessions ?? throw new InvalidOperationException("the fixture is not started");

    /// <summary>What the background traffic got so far, for a failure message.</summary>
    public string Traffic => _traffic?.Counts ?? "no traffic";

    public async ValueTask InitializeAsync()
    {
        try
        {
            _server = await ConsoleServer.StartAsync(Settings);
            _sessions = new SignedInSessions(shared.Browser, _server.BaseAddress);
            _api = await AdminApi.SignInAsync(_server.BaseAddress, Admin.Name, Admin.Password);
            await _api.AddUserAsync(Operator.Name, Operator.Role, Operator.Password);
            _operatorApi = await AdminApi.SignInAsync(_server.BaseAddress, Operator.Name, Operator.Password);
            _traffic = MappingTraffic.Start(_server.BaseAddress, TimeSpan.FromMilliseconds(100));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public Task<BrowserSession> OpenAsync() => Sessions.OpenAsync();

    public Task<BrowserSession> OpenSignedInAsync(Account account) => Sessions.OpenSignedInAsync(account);

    public async ValueTask DisposeAsync()
    {
        if (_traffic is not null)
        {
            await _traffic.DisposeAsync();
        }

        _operatorApi?.Dispose();
        _api?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>
/// The on-call journeys: one console (<see cref="OperationsFixture"/>) for both, one test at a time, since each
/// drives that console's drill, kill switch and alerts; beside the other tests, on its own console.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OperationsCollection : ICollectionFixture<OperationsFixture>
{
    public const string Name = "operations console";
}
