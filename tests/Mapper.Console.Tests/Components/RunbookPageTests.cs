using AngleSharp.Dom;
using Bunit;
using Mapper.Console.Components.Shared;
using Mapper.Console.Identity;
using Mapper.Console.Store;
using Mapper.Engine.Controls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Components;

/// <summary>The runbook page on a real console: steps as checkboxes, action buttons through the executor's runbook door, panels beside steps.</summary>
public sealed class RunbookPageTests : IAsyncLifetime
{
    private const string Steps = """
        # Test alert

        What the alert means. See [kill switch](kill-switch.md#mitigate).

        ## Investigate

        - [ ] Read the [gauges](panel:gauges): how far off target?
        - [ ] Check the mode with `mapper runtime show-mode`.

        ## Mitigate

        - [ ] [Turn the kill switch on](action:kill-switch-on) with a reason.
        - [ ] [Set the global threshold](action:set-threshold?value=0.7) if it helps.
        - [ ] [Open an incident](action:open-incident) first.
        """;

    private static readonly ConsoleUser Otto = new("otto", ConsoleRole.Operator);
    private static readonly ConsoleUser Vera = new("vera", ConsoleRole.Viewer);

    private RunbookPageContext _page = null!;

    public async ValueTask InitializeAsync() =>
        _page = await RunbookPageContext.StartAsync(new Dictionary<string, string> { ["test-alert.md"] = Steps, ["kill-switch.md"] = "# Kill switch\n\n## Mitigate\n" });

    public ValueTask DisposeAsync() => _page.DisposeAsync();

    [Fact]
    public void Render_Runbook_StepsAreCheckboxesInTheirSections()
    {
        var cut = _page.Render("test-alert", Otto);

        Assert.Equal("Test alert", cut.Find("h1").TextContent);
        Assert.Equal(["Investigate", "Mitigate"], cut.FindAll("h2").Select(h => h.TextContent));
        Assert.Equal(["investigate", "mitigate"], cut.FindAll("h2").Select(h => h.Id));
        var steps = cut.FindAll("[data-testid=runbook-step]");
        Assert.Equal(5, steps.Count);
        Assert.All(steps, s => Assert.Single(s.QuerySelectorAll("input[type=checkbox]")));
        Assert.Equal("/runbooks/kill-switch#mitigate", cut.Find(".runbook-text a").GetAttribute("href"));
        Assert.Contains("No run of this runbook yet", cut.Find("[data-testid=run-info]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PanelLink_EmbedsTheLivePanelBesideItsStep()
    {
        var cut = _page.Render("test-alert", Otto);

        var step = Step(cut, "investigate/read-the-gauges-how-far-off-target");
        var panel = step.QuerySelector("[data-testid=panel-gauges]");
        Assert.NotNull(panel);
        Assert.NotNull(panel.QuerySelector("[data-testid=gauge-schema-valid]"));
        Assert.NotNull(panel.QuerySelector("[data-testid=gauge-fallback]"));
        Assert.Null(Step(cut, "investigate/check-the-mode-with-mapper-runtime-show-mode").QuerySelector("[data-testid^=panel-]"));
    }

    [Fact]
    public async Task ActionButton_OperatorConfirms_RunsTheCommandThroughTheRunbookDoor()
    {
        var cut = _page.Render("test-alert", Otto);

        cut.Find("[data-testid=action-kill-switch-on] [data-testid=action-button]").Click();
        _page.Dialogs.WaitForAssertion(() => Assert.Contains("hybrid", _page.Dialogs.Find("[data-testid=confirm-changes]").TextContent, StringComparison.Ordinal));
        Assert.Contains("rules_only", _page.Dialogs.Find("[data-testid=confirm-changes]").TextContent, StringComparison.Ordinal);
        _page.Dialogs.Find("textarea").Input("drill of the runbook page");
        _page.Dialogs.Find("[data-testid=confirm-apply]").Click();

        cut.WaitForAssertion(() => Assert.Equal(MappingMode.RulesOnly, Controls().Mode));
        var row = await LastRowAsync();
        Assert.Equal(("controls.kill_switch", "runbook", "otto", "applied", "drill of the runbook page"), (row.Action, row.Door, row.Actor, row.Result, row.Reason));
        cut.WaitForAssertion(() => Assert.Contains("already on", cut.Find("[data-testid=action-kill-switch-on] [data-testid=action-why]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ActionButton_Threshold_ShowsTheWhatIfBeforeConfirming()
    {
        await _page.TrafficAsync(3);
        var cut = _page.Render("test-alert", Otto);

        var hint = cut.Find("[data-testid=action-set-threshold] [data-testid=action-hint]").TextContent;
        Assert.Contains("at 0.70 fallback over the last 15 min would have been", hint, StringComparison.Ordinal);
        Assert.Equal("0.7", cut.Find("[data-testid=action-set-threshold] input[data-testid=field-value]").GetAttribute("value"));

        cut.Find("[data-testid=action-set-threshold] [data-testid=action-button]").Click();
        _page.Dialogs.WaitForAssertion(() => Assert.Contains("global threshold", _page.Dialogs.Find("[data-testid=confirm-changes]").TextContent, StringComparison.Ordinal));
        var changes = _page.Dialogs.Find("[data-testid=confirm-changes]").TextContent;
        Assert.Contains("0.6", changes, StringComparison.Ordinal);
        Assert.Contains("0.7", changes, StringComparison.Ordinal);
        Assert.Contains("(what-if)", changes, StringComparison.Ordinal);
        _page.Dialogs.Find("[data-testid=confirm-cancel]").Click();

        _page.Dialogs.WaitForAssertion(() => Assert.Empty(_page.Dialogs.FindAll("[data-testid=confirm-changes]")));
        Assert.Equal(0.6, Controls().GlobalThreshold);
    }

    [Fact]
    public void Render_Viewer_ActionsAndChecksAreDisabledWithTheReason()
    {
        var cut = _page.Render("test-alert", Vera);

        var button = cut.Find("[data-testid=action-kill-switch-on] [data-testid=action-button]");
        Assert.True(button.HasAttribute("disabled"));
        Assert.Equal("takes the operator role (you are viewer)", button.GetAttribute("title"));
        Assert.All(cut.FindAll("[data-testid=step-check] input, input[type=checkbox]"), c => Assert.True(c.HasAttribute("disabled")));
        Assert.True(cut.Find("[data-testid=run-start]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task IncidentAction_OperatorConfirms_OpensAnIncidentThenOffersToWorkInIt()
    {
        var cut = _page.Render("test-alert", Otto);

        cut.Find("[data-testid=action-open-incident] [data-testid=action-button]").Click();
        _page.Dialogs.WaitForAssertion(() => Assert.Contains("none open", _page.Dialogs.Find("[data-testid=confirm-changes]").TextContent, StringComparison.Ordinal));
        _page.Dialogs.Find("textarea").Input("fallback climbing after the deploy");
        _page.Dialogs.Find("[data-testid=confirm-apply]").Click();

        cut.WaitForAssertion(() => Assert.Contains("is open already", cut.Find("[data-testid=action-open-incident] [data-testid=action-why]").TextContent, StringComparison.Ordinal));
        var row = await LastRowAsync();
        Assert.Equal(("incidents.open", "runbook", "otto", "applied", "fallback climbing after the deploy"), (row.Action, row.Door, row.Actor, row.Result, row.Reason));
    }

    [Fact]
    public async Task CheckStep_Operator_RecordsWhoWhenAndTheGaugesThen()
    {
        await _page.TrafficAsync(4);
        var cut = _page.Render("test-alert", Otto);
        var id = "investigate/read-the-gauges-how-far-off-target";

        Step(cut, id).QuerySelector("input[type=checkbox]")!.Change(true);

        cut.WaitForAssertion(() => Assert.Contains("Checked by otto", Step(cut, id).TextContent, StringComparison.Ordinal));
        Assert.Contains("fallback 100 %", Step(cut, id).QuerySelector("[data-testid=step-checked-by]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Run #", cut.Find("[data-testid=run-info]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 of 5 steps checked", cut.Find("[data-testid=run-info]").TextContent, StringComparison.Ordinal);
        var check = await LastRowAsync();
        var run = await RowAsync(check.Target);
        Assert.Equal(("runbooks.step", "runbook", "otto", "unchecked", "checked"), (check.Action, check.Door, check.Actor, check.OldValue, check.NewValue));
        Assert.Equal(100, check.FallbackPercent);
        Assert.Equal(("runbooks.run_start", "runbook:test-alert"), (run.Action, run.Target));
    }

    [Fact]
    public void Render_UnknownRunbook_SaysSoAndLinksToTheList()
    {
        var cut = _page.Render("no-such-runbook", Otto);

        Assert.Contains("No runbook named 'no-such-runbook'", cut.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Equal("/runbooks", cut.Find("[data-testid=runbook-missing] a").GetAttribute("href"));
    }

    private static IElement Step(IRenderedComponent<Mapper.Console.Components.Pages.Runbook> cut, string id) => cut.Find($"[data-step='{id}']");

    private RuntimeControls Controls() => _page.Factory.Services.GetRequiredService<RuntimeControlsStore>().Current;

    private async Task<AuditEntry> LastRowAsync()
    {
        await using var db = await _page.Factory.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        return await db.Audit.OrderByDescending(e => e.Id).FirstAsync(Xunit.TestContext.Current.CancellationToken);
    }

    /// <summary>The row a <c>run:{id}</c> target points at.</summary>
    private async Task<AuditEntry> RowAsync(string runTarget)
    {
        var id = long.Parse(runTarget["run:".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await _page.Factory.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        return await db.Audit.SingleAsync(e => e.Id == id, Xunit.TestContext.Current.CancellationToken);
    }
}
