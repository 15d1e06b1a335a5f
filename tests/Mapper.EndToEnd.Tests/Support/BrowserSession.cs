using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support;

/// <summary>
/// One browser context (its own cookies, so its own session) with one page, recording every problem the browser
/// reports: console errors (a CSP violation is one), uncaught page errors and 5xx responses.
/// <see cref="BrowserTest"/> fails the test on any of them.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>
    /// Notes when the server first calls into the page (the layout asks <c>mapperConsole.timeZone</c> from its first
    /// interactive render, right after it subscribes to the sampler): from then on the circuit is live. Playwright
    /// adds it through the DevTools protocol, so the page's CSP does not apply to it, and it changes nothing the page does.
    /// </summary>
    private const string CircuitProbe = """
        (() => {
          let value;
          Object.defineProperty(window, "mapperConsole", {
            configurable: true,
            get() { return value; },
            set(v) {
              const timeZone = v && v.timeZone;
              if (typeof timeZone === "function") {
                v.timeZone = function () { window.__mapperCircuitLive = true; return timeZone.apply(this, arguments); };
              }
              value = v;
            }
          });
        })();
        """;

    private readonly List<string> _problems = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console error on {message.Page?.Url}: {message.Text} ({message.Location})");
            }
        };
        context.WebError += (_, error) => Record($"page error on {error.Page?.Url}: {error.Error}");
        context.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                Record($"{response.Status} from {response.Request.Method} {response.Url}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Everything the browser complained about so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri baseAddress, string? storageState = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            StorageState = storageState,
            Locale = "en-US",
            TimezoneId = "UTC",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(CircuitProbe);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    /// <summary>Waits until the page's Blazor circuit is interactive (clicks before that would go nowhere).</summary>
    public Task WaitForCircuitAsync() => Page.WaitForFunctionAsync("() => window.__mapperCircuitLive === true");

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private void Record(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
