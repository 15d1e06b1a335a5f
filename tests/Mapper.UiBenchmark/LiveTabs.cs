using System.Diagnostics;
using Mapper.EndToEnd.Tests.Support;
using Mapper.EndToEnd.Tests.Support.Pages;
using Microsoft.Playwright;

namespace Mapper.UiBenchmark;

/// <summary>Live overviews as tabs of one signed-in browser context: each tab is one Blazor circuit on the console.</summary>
public sealed class LiveTabs(IBrowserContext context)
{
    /// <summary>Tabs opened at once: enough to keep the console busy, few enough not to time out on a loaded machine.</summary>
    private const int OpenAtOnce = 8;

    private const string SampleTime = "[data-testid=sample-at] time";

    private readonly List<IPage> _pages = [];

    public int Count => _pages.Count;

    /// <summary>Signs in once on a first tab, then parks it on a blank page (no circuit) until it is needed.</summary>
    public static async Task<LiveTabs> SignInAsync(IBrowser browser, Uri baseAddress, Account account)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), TimezoneId = "UTC" });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await new SignInPage(page).SignInAsync(account);
        await page.GotoAsync("about:blank");
        await page.CloseAsync();
        return new LiveTabs(context);
    }

    /// <summary>Opens overview tabs until there are <paramref name="total"/>.</summary>
    public async Task OpenUpToAsync(int total)
    {
        using var gate = new SemaphoreSlim(OpenAtOnce);
        var opening = Enumerable.Range(_pages.Count, Math.Max(0, total - _pages.Count)).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var page = await context.NewPageAsync();
                await new OverviewPage(page).GotoAsync();
                return page;
            }
            finally
            {
                gate.Release();
            }
        });
        _pages.AddRange(await Task.WhenAll(opening));
    }

    /// <summary>Waits until every tab has shown a sample newer than the one it showed first: all circuits are pushing.</summary>
    public async Task<TimeSpan> WaitAllLiveAsync()
    {
        var clock = Stopwatch.StartNew();
        var firsts = await Task.WhenAll(_pages.Select(p => p.Locator(SampleTime).GetAttributeAsync("datetime")));
        await Task.WhenAll(_pages.Select((page, i) => page.WaitForFunctionAsync(
            $"first => {{ const t = document.querySelector('{SampleTime}'); return t !== null && t.getAttribute('datetime') !== first; }}",
            firsts[i],
            new PageWaitForFunctionOptions { PollingInterval = 250, Timeout = 180_000 })));
        return clock.Elapsed;
    }

    public Task CloseAsync() => context.CloseAsync();
}
