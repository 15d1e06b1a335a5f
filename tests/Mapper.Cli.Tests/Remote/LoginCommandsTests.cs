namespace Mapper.Cli.Tests.Remote;

/// <summary><c>mapper login</c> and <c>mapper logout</c> against a real in-memory console.</summary>
public sealed class LoginCommandsTests(InMemoryConsole console) : IClassFixture<InMemoryConsole>
{
    [Fact]
    public async Task Login_PasswordOnStdin_SavesTheTokenPrivatelyWithoutPrintingIt()
    {
        var session = console.Session();

        var run = await session.RunAsync(["login", "--user", "admin", "--name", "on-call laptop", "--lifetime-days", "7"], stdin: InMemoryConsole.AdminPassword + "\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^logged in to http://console\.test as admin \(admin\): token \d+ 'on-call laptop', expires ", run.Out);
        Assert.DoesNotContain(session.Token, run.Out + run.Err, StringComparison.Ordinal);
        Assert.StartsWith("mpr_", session.Token, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(session.TokenFilePath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(session.ConfigDirectory));
        }

        var tokens = await console.GetAsync("/api/v1/tokens", session);
        var made = tokens.AsArray().Single(t => (string?)t!["name"] == "on-call laptop")!;
        var lifetime = DateTimeOffset.Parse((string)made["expires_at"]!, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse((string)made["created_at"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(7, lifetime.TotalDays, precision: 3);
    }

    [Fact]
    public async Task Login_ShowToken_PrintsItOnce()
    {
        var session = console.Session();

        var run = await session.RunAsync(["login", "--user", "admin", "--show-token"], stdin: InMemoryConsole.AdminPassword + "\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Out.Split('\n'), line => line.Trim() == session.Token);
    }

    [Fact]
    public async Task Login_WrongPassword_ExitsOneQuotingTheConsole()
    {
        var run = await console.Session().RunAsync(["login", "--user", "admin"], stdin: "not the password at all\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Sign-in failed", run.Err, StringComparison.Ordinal);
        Assert.Contains("HTTP 401 UNAUTHORIZED", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_RevokesTheTokenOnTheConsoleAndForgetsIt()
    {
        var session = await console.LoginAsync("admin", InMemoryConsole.AdminPassword);
        var token = session.Token;

        var logout = await session.RunAsync(["logout"]);
        var withOldToken = await console.Session().RunAsync(["runtime", "show-mode"], environment: new Dictionary<string, string> { ["MAPPER_TOKEN"] = token });
        var again = await session.RunAsync(["logout"]);

        Assert.Equal(0, logout.ExitCode);
        Assert.Matches(@"^logged out of http://console\.test: token \d+ revoked, and removed from ", logout.Out);
        Assert.Equal(1, withOldToken.ExitCode);
        Assert.Contains("HTTP 401", withOldToken.Err, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("not logged in to http://console.test", again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(token, await File.ReadAllTextAsync(session.TokenFilePath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
