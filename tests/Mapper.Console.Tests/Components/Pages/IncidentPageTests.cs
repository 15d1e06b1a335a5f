using Bunit;
using Mapper.Console.Actions;
using Mapper.Console.Components.Pages;
using Mapper.Console.Identity;

namespace Mapper.Console.Tests.Components.Pages;

/// <summary>The incident page against a real console: missing, normal, the kind filter, notes and edits, the dialog, roles, live updates.</summary>
public sealed class IncidentPageTests : IAsyncLifetime
{
    private IncidentPageContext _page = null!;

    public async ValueTask InitializeAsync() => _page = await IncidentPageContext.StartAsync();

    public ValueTask DisposeAsync() => _page.DisposeAsync();

    [Fact]
    public void Render_UnknownIncident_SaysThereIsNone()
    {
        var cut = _page.Render<Incident>(IncidentPageContext.Otto, p => p.Add(x => x.Id, 42));

        cut.WaitForAssertion(() => Assert.Contains("There is no incident #42", cut.Find("[data-testid=incident-missing]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_IncidentWithEvents_HeaderTimelineSnapshotsAndChart()
    {
        var id = await OpenWithEventsAsync();

        var cut = _page.Render<Incident>(IncidentPageContext.Otto, p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Equal($"#{id} 5xx from the mapping API", cut.Find("[data-testid=incident-title]").TextContent.Trim()));
        Assert.Equal("investigating", cut.Find("[data-testid=incident-status]").TextContent.Trim());
        Assert.Contains("Commander: otto", cut.Find("[data-testid=incident-commander]").TextContent, StringComparison.Ordinal);
        var kinds = cut.FindAll("[data-testid=event]").Select(e => e.GetAttribute("data-kind")).ToList();
        Assert.Equal(["incident", "action", "note"], kinds);
        Assert.Contains("valid —", cut.FindAll("[data-testid=event]")[1].TextContent, StringComparison.Ordinal);
        var chart = cut.Find("[data-testid=incident-chart] svg");
        Assert.Equal(12, chart.QuerySelectorAll("line[data-kind]").Length);
        Assert.Equal(4, chart.QuerySelectorAll("line[data-kind=note]").Length);
        Assert.NotEmpty(chart.QuerySelectorAll("polyline"));
    }

    [Fact]
    public async Task KindFilter_Note_ShowsOnlyNotes()
    {
        var id = await OpenWithEventsAsync();
        var cut = _page.Render<Incident>(IncidentPageContext.Otto, p => p.Add(x => x.Id, id));

        cut.WaitForElement("[data-testid=kind-note]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["note"], cut.FindAll("[data-testid=event]").Select(e => e.GetAttribute("data-kind")).Distinct()));
        cut.Find("[data-testid=kind-all]").Click();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=event]").Count));
    }

    [Fact]
    public async Task AddNote_BackfilledOccurredAt_AppearsFirstAndABadTimeIsExplained()
    {
        var id = await _page.Console.OpenAsync();
        _page.Console.Clock.Advance(TimeSpan.FromMinutes(30));
        var cut = _page.Render<Incident>(IncidentPageContext.Otto, p => p.Add(x => x.Id, id));

        cut.WaitForElement("[data-testid=note-text]").Input("deploy went out");
        cut.Find("[data-testid=note-occurred]").Change("yesterday-ish");
        cut.Find("[data-testid=note-form] form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("'yesterday-ish' is not a time", cut.Find("[data-testid=note-problem]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-testid=note-occurred]").Change("13:50");
        cut.Find("[data-testid=note-form] form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("note", cut.FindAll("[data-testid=event]")[0].GetAttribute("data-kind")));
        Assert.Equal("deploy went out", cut.FindAll("[data-testid=event-title]")[0].TextContent);
        Assert.Contains("recorded 14:30", cut.FindAll("[data-testid=event]")[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=note-problem]"));
    }

    [Fact]
    public async Task EditNote_SavedAsARevision_TheHistoryShowsBoth()
    {
        var id = await _page.Console.OpenAsync();
        await _page.Console.RunAsync(new AddNote(id, "restarted the model"));
        var cut = _page.Render<Incident>(IncidentPageContext.Otto, p => p.Add(x => x.Id, id));

        cut.WaitForElement("[data-testid=note-edit]").Click();
        cut.WaitForAssertion(() => Assert.Equal("restarted the model", cut.Find("[data-testid=note-text]").GetAttribute("value") ?? cut.Find("[data-testid=note-text]").TextContent));
        cut.Find("[data-testid=note-text]").Input("restarted the model server");
        cut.Find("[data-testid=note-form] form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=note-history] li").Count));
        var history = cut.Find("[data-testid=note-history]").TextContent;
        Assert.Contains("rev 1 by otto", history, StringComparison.Ordinal);
        Assert.Contains("rev 2 by otto", history, StringComparison.Ordinal);
        Assert.Equal("restarted the model server", cut.Find("[data-kind=note] [data-testid=event-title]").TextContent);
    }

    [Fact]
    public async Task Resolve_ThroughTheDialog_StatusAndTimesUpdate()
    {
        var id = await _page.Console.OpenAsync();
        _page.Console.Clock.Advance(TimeSpan.FromMinutes(25));
        var cut = _page.Render<Incident>(IncidentPageContext.Otto, p => p.Add(x => x.Id, id));

        cut.WaitForElement("[data-testid=status-resolved]").Click();
        Assert.Contains("Status investigating → resolved", _page.ConfirmChanges());
        _page.Confirm("adapter rolled back, 5xx gone");

        cut.WaitForAssertion(() => Assert.Equal("resolved", cut.Find("[data-testid=incident-status]").TextContent.Trim()));
        Assert.Contains("(25 min)", cut.Find("[data-testid=incident-times]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=status-investigating]"));
        Assert.Contains(cut.FindAll("[data-testid=event]"), e => e.TextContent.Contains("adapter rolled back, 5xx gone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_Viewer_ActionsDisabledWithTheReason()
    {
        var id = await _page.Console.OpenAsync();

        var cut = _page.Render<Incident>(IncidentPageContext.Vera, p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Contains("takes the operator role (you are viewer)", cut.Find("[data-testid=incident-readonly]").TextContent, StringComparison.Ordinal));
        foreach (var control in new[] { "status-mitigated", "status-resolved", "severity-toggle", "page-secondary", "note-save" })
        {
            var element = cut.Find($"[data-testid={control}]");
            Assert.True(element.HasAttribute("disabled"), control);
            Assert.Equal("takes the operator role (you are viewer)", element.Closest("[title]")?.GetAttribute("title"));
        }

        Assert.False(cut.Find("[data-testid=export]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task PageSecondary_RoleTakenAwaySinceSignIn_TheRefusalIsShownAndNothingIsPaged()
    {
        var id = await _page.Console.OpenAsync();
        var stale = new Mapper.Console.Components.Shared.ConsoleUser("vera", ConsoleRole.Operator);
        var cut = _page.Render<Incident>(stale, p => p.Add(x => x.Id, id));

        cut.WaitForElement("[data-testid=page-secondary]").Click();
        _page.Confirm("need help");

        cut.WaitForAssertion(() => Assert.Contains("viewer may not incidents.page", cut.Find("[data-testid=action-problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(await _page.Console.EscalationsAsync());
        Assert.Contains(cut.FindAll("[data-testid=event]"), e => e.GetAttribute("data-kind") == "incident" && e.TextContent.Contains("denied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_Clicked_DownloadsThePostMortemThroughConsoleJs()
    {
        var id = await OpenWithEventsAsync();
        _page.Bunit.JSInterop.SetupVoid("mapperConsole.download", _ => true);
        var cut = _page.Render<Incident>(IncidentPageContext.Vera, p => p.Add(x => x.Id, id));

        cut.WaitForElement("[data-testid=export]").Click();

        cut.WaitForAssertion(() => _page.Bunit.JSInterop.VerifyInvoke("mapperConsole.download"));
        var call = _page.Bunit.JSInterop.VerifyInvoke("mapperConsole.download");
        Assert.Equal($"incident-{id}-post-mortem.md", call.Arguments[0]);
        Assert.Equal("text/markdown", call.Arguments[1]);
        Assert.StartsWith($"# Post-mortem: incident #{id}", (string)call.Arguments[2]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_SomeoneElseAddsANote_ItAppearsOnTheNextSampleWithoutReload()
    {
        var id = await _page.Console.OpenAsync();
        var cut = _page.Render<Incident>(IncidentPageContext.Vera, p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=event]")));

        await _page.Console.RunAsync(new AddNote(id, "secondary joined"));
        cut.Render();

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=event-title]"), t => t.TextContent == "secondary joined"));
    }

    /// <summary>An incident with a kill switch change and a note, and SLI readings across it (history points on the fake clock).</summary>
    private async Task<long> OpenWithEventsAsync()
    {
        await _page.Console.MapAsync(3);
        await _page.Console.StepAsync(TimeSpan.FromSeconds(1));
        var id = await _page.Console.OpenAsync();
        await _page.Console.StepAsync(TimeSpan.FromSeconds(20));
        await _page.Console.RunAsync(new SetKillSwitch(true) { Reason = "clients failing" });
        await _page.Console.StepAsync(TimeSpan.FromSeconds(20));
        await _page.Console.RunAsync(new AddNote(id, "secondary joined"));
        await _page.Console.StepAsync(TimeSpan.FromSeconds(20));
        return id;
    }
}
