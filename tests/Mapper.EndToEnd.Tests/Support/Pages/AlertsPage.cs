using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support.Pages;

/// <summary><c>/alerts</c>: every alert with its state and runbook, the error budgets, the drill panel and the transitions.</summary>
public sealed class AlertsPage(IPage page) : Shell(page)
{
    public const string Path = "/alerts";

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Name = "Alerts", Exact = true });

    /// <summary>"kind: what it does · until T · by who" while a drill runs.</summary>
    public ILocator DrillRunning => Page.GetByTestId("drill-running");

    public ILocator DrillStart => Page.GetByTestId("drill-start");

    public ILocator DrillStop => Page.GetByTestId("drill-stop");

    public async Task<AlertsPage> GotoAsync()
    {
        await Page.GotoAsync(Path);
        await Assertions.Expect(Heading).ToBeVisibleAsync();
        return this;
    }

    public AlertRow Alert(string name) => new(Page.GetByTestId("alert-" + name));

    /// <summary>Starts a drill of the panel's chosen kind (schema-invalid unless changed) through the confirm dialog.</summary>
    public async Task StartDrillAsync(string expectedKind, string reason)
    {
        await DrillStart.ClickAsync();

        // Once in CI (2026-12-02) this first click was lost: the browser reported an exception invoking
        // 'DispatchEventAsync' and the server logged nothing, while the live page re-rendered as the model came up. A
        // person clicks again, and so does this, once; a dialog that never opens still fails below.
        if (!await ConfirmDialog.Root.IsVisibleAsync())
        {
            try
            {
                await ConfirmDialog.Root.WaitForAsync(new() { Timeout = 3000 });
            }
            catch (TimeoutException)
            {
                await DrillStart.ClickAsync();
            }
        }

        await Assertions.Expect(ConfirmDialog.Changes).ToContainTextAsync([new System.Text.RegularExpressions.Regex($"Drill\\s*none.*{expectedKind} for \\d+ min")]);
        await ConfirmDialog.ApplyAsync(reason);
        await Assertions.Expect(DrillRunning).ToContainTextAsync(expectedKind + ":");
    }

    /// <summary>Ends the running drill through the confirm dialog and waits for the panel to offer a new one.</summary>
    public async Task StopDrillAsync(string reason)
    {
        await DrillStop.ClickAsync();
        await ConfirmDialog.ApplyAsync(reason);
        await Assertions.Expect(DrillRunning).ToHaveCountAsync(0);
        await Assertions.Expect(DrillStart).ToBeVisibleAsync();
    }
}

/// <summary>One alert's row: <c>data-state</c> (inactive, pending, firing, resolved, suppressed), its state chip and note, severity, runbook link.</summary>
public sealed class AlertRow(ILocator row)
{
    public ILocator Root => row;

    /// <summary>The state chip and, under it, the note (why it is suppressed, "no data in the window").</summary>
    public ILocator State => row.Locator("td").Nth(1);

    public ILocator Severity => row.Locator("td").Nth(5);

    public ILocator RunbookLink => row.GetByTestId("alert-runbook");

    public Task ExpectStateAsync(string state, TimeSpan within) =>
        Assertions.Expect(row).ToHaveAttributeAsync("data-state", state, new() { Timeout = (float)within.TotalMilliseconds });
}
