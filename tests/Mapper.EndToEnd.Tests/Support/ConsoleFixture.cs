using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Mapper.EndToEnd.Tests.Support.ConsoleFixture))]

namespace Mapper.EndToEnd.Tests.Support;

/// <summary>
/// What every end-to-end test shares, made once per test run: Chromium (installed if missing), ONE real console
/// process with the small model trained and active, an admin API client, a viewer and an operator account, and ONE
/// headless browser. Each test opens its own browser context (<see cref="OpenAsync"/>), so no cookie or page leaks
/// between tests.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime, IBrowserConsole
{
    public const string AccountPassword = "e2e-account-password";

    private ConsoleServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private AdminApi? _api;
    private SignedInSessions? _sessions;
    private int _accounts;

    public Account Admin { get; } = new("admin", ConsoleServer.AdminPassword, "admin");

    public Account Operator { get; } = new("otto", AccountPassword, "operator");

    public Account Viewer { get; } = new("vera", AccountPassword, "viewer");

    public ConsoleServer Server => _server ?? throw new InvalidOperationException("the fixture is not started");

    /// <summary>The admin API signed in as <see cref="Admin"/>.</summary>
    public AdminApi Api => _api ?? throw new InvalidOperationException("the fixture is not started");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the fixture is not started");

    private SignedInSessions Sessions => _sessions ?? throw new InvalidOperationException("the fixture is not started");

    public async ValueTask InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(10_000);
        try
        {
            // apt (on a fresh machine) and the console's start-up with its baseline training overlap.
            var chromium = Chromium.EnsureInstalledAsync(System.Console.Out);
            _server = await ConsoleServer.StartAsync();
            _api = await AdminApi.SignInAsync(_server.BaseAddress, Admin.Name, Admin.Password);
            await _api.AddUserAsync(Operator.Name, Operator.Role, Operator.Password);
            await _api.AddUserAsync(Viewer.Name, Viewer.Role, Viewer.Password);
            await chromium;
            _playwright = await Playwright.CreateAsync();
            _browser = await Chromium.LaunchAsync(_playwright);
            _sessions = new SignedInSessions(_browser, _server.BaseAddress);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public Task<BrowserSession> OpenAsync() => Sessions.OpenAsync();

    public Task<BrowserSession> OpenSignedInAsync(Account account) => Sessions.OpenSignedInAsync(account);

    /// <summary>A new account of <paramref name="role"/> only one test uses (for lockouts, sign-outs, role changes).</summary>
    public async Task<Account> NewAccountAsync(string role)
    {
        var account = new Account($"e2e-{role}-{Interlocked.Increment(ref _accounts)}", AccountPassword, role);
        await Api.AddUserAsync(account.Name, account.Role, account.Password);
        return account;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _api?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
