using Bunit;
using Mapper.Console.Actions;
using Mapper.Console.Drills;
using Mapper.Console.Incidents;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Console.Tests.Incidents;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Components.Pages;

/// <summary>The incidents list against a real console: empty, open first, opening by hand and from a firing alert, roles.</summary>
public sealed class IncidentsPageTests
{
    [Fact]
    public async Task Render_NoIncidents_SaysHowOneIsOpened()
    {
        await using var page = await IncidentPageContext.StartAsync();

        var cut = page.Render<Mapper.Console.Components.Pages.Incidents>(IncidentPageContext.Otto);

        cut.WaitForAssertion(() => Assert.StartsWith("No incidents yet: open one above", cut.Find("[data-testid=incidents-empty]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=active-alerts]"));
    }

    [Fact]
    public async Task Render_OpenAndResolved_OpenOnesFirst()
    {
        await using var page = await IncidentPageContext.StartAsync();
        var resolved = await page.Console.OpenAsync("old one", "warning");
        page.Console.Clock.Advance(TimeSpan.FromMinutes(5));
        var open = await page.Console.OpenAsync("new one", "critical");
        page.Console.Clock.Advance(TimeSpan.FromMinutes(5));
        await page.Console.RunAsync(new SetIncidentStatus(resolved, "resolved") { Reason = "done" });
        var older = await page.Console.OpenAsync("older but open", "warning");

        var cut = page.Render<Mapper.Console.Components.Pages.Incidents>(IncidentPageContext.Otto);

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tr[data-open]").Count));
        Assert.Equal([$"incident-{older}", $"incident-{open}", $"incident-{resolved}"], cut.FindAll("tr[data-open]").Select(r => r.GetAttribute("data-testid")));
        Assert.Equal(["true", "true", "false"], cut.FindAll("tr[data-open]").Select(r => r.GetAttribute("data-open")));
        Assert.Contains("10 min", cut.Find($"[data-testid=incident-{resolved}]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenForm_OperatorConfirms_OpensItAndGoesToItsPage()
    {
        await using var page = await IncidentPageContext.StartAsync();
        var cut = page.Render<Mapper.Console.Components.Pages.Incidents>(IncidentPageContext.Otto);

        cut.WaitForElement("[data-testid=open-title]").Input("queue lag after deploy");
        cut.Find("[data-testid=open-form] form").Submit();
        Assert.Equal(["Title — → queue lag after deploy", "Severity — → warning"], page.ConfirmChanges());
        page.Confirm("lag alert pending for 8 minutes");

        var navigation = page.Bunit.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith("/incidents/1", navigation.Uri, StringComparison.Ordinal));
        var incident = Assert.Single(await page.Console.Get<IncidentsService>().ListAsync(5, IncidentConsole.Ct));
        Assert.Equal(("queue lag after deploy", "warning", "otto"), (incident.Title, incident.Severity, incident.Commander));
    }

    [Fact]
    public async Task OpenFromAlert_FiringCriticalAlert_OneClickLinksIt()
    {
        await using var page = await IncidentPageContext.StartAsync(new() { ["Alerts:Mapper5xxHigh:For"] = "0s", ["Drills:Http5xxShare"] = "1" });
        await page.Console.RunAsync(new StartDrill(DrillKinds.Http5xx, TimeSpan.FromMinutes(30)) { Reason = "practice" }, Actor.System);
        await page.Console.MapAsync(2);
        await page.Console.StepAsync(TimeSpan.FromSeconds(1));
        var cut = page.Render<Mapper.Console.Components.Pages.Incidents>(IncidentPageContext.Otto);

        cut.WaitForElement($"[data-testid=open-from-{AlertCatalog.Http5xxHigh}]").Click();
        Assert.Contains($"Alert linked — → {AlertCatalog.Http5xxHigh}", page.ConfirmChanges());
        page.Confirm("5xx firing");

        cut.WaitForAssertion(() => Assert.Single(page.Console.Get<IncidentsService>().ListAsync(5, IncidentConsole.Ct).Result));
        var incident = (await page.Console.Get<IncidentsService>().ListAsync(5, IncidentConsole.Ct))[0];
        Assert.Equal("critical", incident.Severity);
        Assert.Equal([AlertCatalog.Http5xxHigh], incident.Alerts);
        Assert.StartsWith($"{AlertCatalog.Http5xxHigh}: ", incident.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Viewer_OpenControlsDisabledWithTheReason()
    {
        await using var page = await IncidentPageContext.StartAsync();

        var cut = page.Render<Mapper.Console.Components.Pages.Incidents>(IncidentPageContext.Vera);

        var submit = cut.WaitForElement("[data-testid=open-submit]");
        Assert.True(submit.HasAttribute("disabled"));
        Assert.Equal("takes the operator role (you are viewer)", submit.Closest("[title]")?.GetAttribute("title"));
        Assert.True(cut.Find("[data-testid=open-title]").HasAttribute("disabled"));
    }
}
