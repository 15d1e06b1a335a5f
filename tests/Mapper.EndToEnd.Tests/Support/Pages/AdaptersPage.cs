using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support.Pages;

/// <summary><c>/adapters</c>: what serves, the stored versions with activate and roll back, the gate's progress and verdict, the history.</summary>
public sealed class AdaptersPage(IPage page) : Shell(page)
{
    public const string Path = "/adapters";

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Name = "Adapters", Exact = true });

    /// <summary>"Live: id@version (revision N) · serving: active".</summary>
    public ILocator Live => Page.GetByTestId("adapters-live");

    /// <summary>The progress shown while the gate runs.</summary>
    public ILocator Gating => Page.GetByTestId("adapter-gating");

    /// <summary>"Done. id@version is active as revision N (rollback)", or the refusal.</summary>
    public ILocator Verdict => Page.GetByTestId("adapter-verdict");

    public ILocator History => Page.GetByTestId("adapter-history");

    public async Task<AdaptersPage> GotoAsync()
    {
        await Page.GotoAsync(Path);
        await Assertions.Expect(Heading).ToBeVisibleAsync();
        return this;
    }

    public ILocator VersionRow(string version) => Page.GetByTestId("adapter-row-" + version);

    public ILocator RollbackButton(string version) => Page.GetByTestId("adapter-rollback-" + version);

    public AdapterHistoryRow HistoryRow(int revision) => new(Page.GetByTestId("adapter-history-" + revision.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// From now on, notes whether the gate's progress ever appears (a fast gate shows it for a moment only, which a
    /// poll could miss; a DOM observer does not). Playwright evaluates this over DevTools, outside the page's CSP.
    /// </summary>
    public Task WatchForGatingAsync() => Page.EvaluateAsync("""
        () => {
          window.__sawGating = false;
          const seen = () => { if (document.querySelector('[data-testid=adapter-gating]')) { window.__sawGating = true; } };
          new MutationObserver(seen).observe(document.body, { childList: true, subtree: true });
        }
        """);

    public Task<bool> SawGatingAsync() => Page.EvaluateAsync<bool>("() => window.__sawGating === true");
}

/// <summary>One row of the activation history: revision, kind, from → to, who, why, active from, active to.</summary>
public sealed class AdapterHistoryRow(ILocator row)
{
    public ILocator Root => row;

    public ILocator Kind => row.Locator("td").Nth(1);

    public ILocator FromTo => row.Locator("td").Nth(2);

    public ILocator Who => row.Locator("td").Nth(3);

    public ILocator Why => row.Locator("td").Nth(4);

    public ILocator ActiveTo => row.Locator("td").Nth(6);
}
