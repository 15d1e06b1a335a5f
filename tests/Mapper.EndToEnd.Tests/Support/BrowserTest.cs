namespace Mapper.EndToEnd.Tests.Support;

/// <summary>A browser test on the console every test shares (<see cref="ConsoleFixture"/>).</summary>
public abstract class BrowserTest(ConsoleFixture console) : BrowserTest<ConsoleFixture>(console);

/// <summary>
/// Base of every browser test: opens sessions on its console and the shared browser, closes them after the test, and
/// fails a test that passed its assertions if the browser reported any console error, page error or 5xx meanwhile
/// (a failed test gets them in its output instead, so its own failure stays the headline).
/// </summary>
public abstract class BrowserTest<TConsole>(TConsole console) : IAsyncLifetime
    where TConsole : IBrowserConsole
{
    private readonly List<BrowserSession> _sessions = [];

    protected TConsole Console { get; } = console;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A fresh context signed in as nobody.</summary>
    protected Task<BrowserSession> OpenAsync() => Track(Console.OpenAsync());

    /// <summary>A fresh context signed in as <paramref name="account"/>, on the overview.</summary>
    protected Task<BrowserSession> OpenSignedInAsync(Account account) => Track(Console.OpenSignedInAsync(account));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        var problems = _sessions.SelectMany(s => s.Problems).ToList();
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }

        GC.SuppressFinalize(this);
        var report = "the browser reported problems:\n" + string.Join('\n', problems);
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            var output = TestContext.Current.TestOutputHelper;
            if (problems.Count > 0)
            {
                output?.WriteLine(report);
            }

            output?.WriteLine("console log (newest lines):\n" + Console.Server.RecentOutput);
            return;
        }

        if (problems.Count == 0)
        {
            return;
        }

        throw new BrowserProblemsException(report);
    }

    private async Task<BrowserSession> Track(Task<BrowserSession> opening)
    {
        var session = await opening;
        _sessions.Add(session);
        return session;
    }
}

/// <summary>The browser complained (console error, CSP violation, uncaught error, 5xx) during a test that otherwise passed.</summary>
public sealed class BrowserProblemsException(string message) : Exception(message);
