using Mapper.Console.Actions;
using Mapper.Console.Drills;
using Mapper.Console.Hosting;
using Mapper.Console.Incidents;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Console.Store;
using Mapper.Console.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Mapper.Console.Tests.Incidents;

/// <summary>Escalation on a fake clock, from alerts the real evaluator fires on real requests.</summary>
public sealed class EscalatorTests
{
    [Fact]
    public async Task CheckAsync_CriticalFiringPastTheDelay_EscalatesOncePerFiringAndOpensAnIncident()
    {
        await using var console = await IncidentConsole.StartAsync(new()
        {
            ["Alerts:Mapper5xxHigh:For"] = "0s",
            ["Drills:Http5xxShare"] = "1",
            ["Escalation:Delay"] = "5m",
        });
        var escalator = console.Get<Escalator>();
        await console.RunAsync(new StartDrill(DrillKinds.Http5xx, TimeSpan.FromMinutes(60)) { Reason = "practice" }, Actor.System);

        for (var minute = 0; minute < 4; minute++)
        {
            await FailingMinuteAsync(console);
        }

        var early = await console.EscalationsAsync();
        await FailingMinuteAsync(console);
        await FailingMinuteAsync(console);
        var due = await console.EscalationsAsync();
        await FailingMinuteAsync(console);
        await FailingMinuteAsync(console);
        var later = await console.EscalationsAsync();

        Assert.Empty(early);
        var escalation = Assert.Single(due);
        Assert.Equal((AlertCatalog.Http5xxHigh, Escalation.NotConfigured, "system"), (escalation.Alert, escalation.Outcome, escalation.RequestedBy));
        Assert.Contains("longer than Escalation:Delay (5 min)", escalation.Reason, StringComparison.Ordinal);
        Assert.Single(later);
        var view = await console.TimelineAsync(escalation.IncidentId!.Value);
        Assert.Equal(("critical", null, "system"), (view.Incident.Severity, view.Incident.Commander, view.Incident.OpenedBy));
        Assert.Equal([AlertCatalog.Http5xxHigh], view.Incident.Alerts);
        Assert.Equal("no webhook configured", Assert.Single(view.Events, e => e.Kind == TimelineKind.Escalation).To);

        // Resolved, then firing again: a new firing may escalate again, into the same open incident.
        await console.RunAsync(new StopDrill(), Actor.System);
        console.Clock.Advance(TimeSpan.FromMinutes(6));
        await console.MapAsync(3);
        await console.StepAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(AlertState.Resolved, console.Get<AlertEvaluator>().Current.Single(a => a.Name == AlertCatalog.Http5xxHigh).State);
        await console.RunAsync(new StartDrill(DrillKinds.Http5xx, TimeSpan.FromMinutes(60)) { Reason = "again" }, Actor.System);
        for (var minute = 0; minute < 7; minute++)
        {
            await FailingMinuteAsync(console);
        }

        var again = await console.EscalationsAsync();
        Assert.Equal(2, again.Count);
        Assert.NotEqual(again[0].FiringSince, again[1].FiringSince);
        Assert.Equal(again[0].IncidentId, again[1].IncidentId);
        Assert.Empty(await escalator.CheckAsync(console.Clock.GetUtcNow(), IncidentConsole.Ct));
    }

    [Fact]
    public async Task CheckAsync_WarningFiringPastTheDelay_NeverEscalates()
    {
        await using var console = await IncidentConsole.StartAsync(
            new() { ["Alerts:MapperSchemaValidLow:For"] = "0s", ["Escalation:Delay"] = "2m" }, new FixedScorer("PII.Identifier.SSN", 0.95));
        await console.RunAsync(new StartDrill(DrillKinds.SchemaInvalid, TimeSpan.FromMinutes(60)) { Reason = "practice" }, Actor.System);

        for (var minute = 0; minute < 5; minute++)
        {
            await console.MapAsync(2);
            await console.StepAsync(TimeSpan.FromMinutes(1));
            await console.Get<Escalator>().CheckAsync(console.Clock.GetUtcNow(), IncidentConsole.Ct);
        }

        Assert.Equal(AlertState.Firing, console.Get<AlertEvaluator>().Current.Single(a => a.Name == AlertCatalog.SchemaValidLow).State);
        Assert.Empty(await console.EscalationsAsync());
        Assert.Empty(await console.Get<IncidentsService>().ListAsync(10, IncidentConsole.Ct));
    }

    [Fact]
    public async Task CheckAsync_OpenIncidentElsewhere_TheEscalationJoinsItAndLinksTheAlert()
    {
        await using var console = await IncidentConsole.StartAsync(new()
        {
            ["Alerts:Mapper5xxHigh:For"] = "0s",
            ["Drills:Http5xxShare"] = "1",
            ["Escalation:Delay"] = "1m",
        });
        var id = await console.OpenAsync("latency creeping up", "warning");
        await console.RunAsync(new StartDrill(DrillKinds.Http5xx, TimeSpan.FromMinutes(60)) { Reason = "practice" }, Actor.System);

        for (var minute = 0; minute < 3; minute++)
        {
            await FailingMinuteAsync(console);
        }

        Assert.Equal(id, Assert.Single(await console.EscalationsAsync()).IncidentId);
        Assert.Equal([AlertCatalog.Http5xxHigh], (await console.TimelineAsync(id)).Incident.Alerts);
        Assert.Single(await console.Get<IncidentsService>().ListAsync(10, IncidentConsole.Ct));
    }

    [Theory]
    [InlineData("Escalation:Delay", "soon", "Escalation:Delay must be a duration")]
    [InlineData("Escalation:WebhookUrl", "ftp://pager", "Escalation:WebhookUrl must be an absolute http(s) URL")]
    [InlineData("Escalation:Secret", "short", "Escalation:Secret must be at least 16 characters")]
    [InlineData("Escalation:MaxAttempts", "0", "Escalation:MaxAttempts must be within [1, 10]")]
    [InlineData("Escalation:TimeoutSeconds", "600", "Escalation:TimeoutSeconds must be within [0.05, 120]")]
    [InlineData("Escalation:BackoffSeconds", "-1", "Escalation:BackoffSeconds must be within [0, 300]")]
    public void Settings_BadEscalationSetting_NamesIt(string key, string value, string expected)
    {
        var data = Directory.CreateTempSubdirectory("mapper-escalation-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value, ["Mapper:DataDirectory"] = data }).Build();

            var error = Assert.Throws<InvalidConfigurationException>(() => ConsoleSettings.Load(configuration));

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>A minute of failing traffic: requests (the 5xx drill answers them with 500), a sample, the evaluator and the escalator.</summary>
    private static async Task FailingMinuteAsync(IncidentConsole console)
    {
        await console.MapAsync(2);
        await console.StepAsync(TimeSpan.FromMinutes(1));
        await console.Get<Escalator>().CheckAsync(console.Clock.GetUtcNow(), IncidentConsole.Ct);
    }
}
