using Mapper.Console.Actions;
using Mapper.Console.Drills;
using Mapper.Console.Identity;
using Mapper.Console.Incidents;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Incidents;

/// <summary>The timeline is projected from the store: every kind of event once, in occurred-at order, with SLI snapshots.</summary>
public sealed class IncidentTimelineTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Alerts:Mapper5xxHigh:For"] = "0s",
        ["Drills:Http5xxShare"] = "1",
    };

    [Fact]
    public async Task Build_OneEventOfEachKind_EachAppearsOnceSortedByOccurredAt()
    {
        await using var console = await IncidentConsole.StartAsync(Settings);
        await console.StepAsync(TimeSpan.FromSeconds(1));
        var id = await console.OpenAsync();

        await console.StepAsync(TimeSpan.FromMinutes(1));
        await console.RunAsync(new StartDrill(DrillKinds.Http5xx, TimeSpan.FromMinutes(30)) { Reason = "practice" }, Actor.System);
        await console.MapAsync(3);
        await console.StepAsync(TimeSpan.FromSeconds(10));
        await console.StepAsync(TimeSpan.FromMinutes(1));
        await console.RunAsync(new SetKillSwitch(true) { Reason = "clients failing" });
        await console.StepAsync(TimeSpan.FromMinutes(1));
        await console.RunAsync(new TestRunbookStep(7, "check-gauges") { IncidentId = id });
        var run = await console.RunAsync(new TestPlaygroundRun("presidio"));
        await console.StepAsync(TimeSpan.FromMinutes(1));
        await console.RunAsync(new PinPlaygroundRun(id, run.AuditId!.Value));
        await console.RunAsync(new PageSecondary(id) { Reason = "5xx for 3 minutes, kill switch did not help" });
        await console.StepAsync(TimeSpan.FromMinutes(1));
        await console.RunAsync(new AddNote(id, "clients reported errors first", IncidentConsole.Start.AddSeconds(30)));

        var view = await console.TimelineAsync(id);

        Assert.Equal(Enum.GetValues<TimelineKind>().Order(), view.Events.Select(e => e.Kind).Order());
        Assert.Equal(view.Events.Count, view.Events.Select(e => e.Key).Distinct().Count());
        Assert.Equal(view.Events.OrderBy(e => e.OccurredAt).Select(e => e.Key), view.Events.Select(e => e.Key));
        Assert.Equal([TimelineKind.Incident, TimelineKind.Note, TimelineKind.Drill, TimelineKind.Alert, TimelineKind.Action],
            view.Events.Take(5).Select(e => e.Kind));
        var alert = Assert.Single(view.Events, e => e.Kind == TimelineKind.Alert);
        Assert.Equal($"{AlertCatalog.Http5xxHigh} inactive → firing", alert.Title);
        Assert.Equal(100, alert.Slis!.Http5xxPercent);
        var kill = Assert.Single(view.Events, e => e.Kind == TimelineKind.Action);
        Assert.Equal(("hybrid", "rules_only", "clients failing"), (kill.From, kill.To, kill.Reason));
        Assert.StartsWith("audit row", kill.Slis!.Source, StringComparison.Ordinal);
        Assert.Equal("no webhook configured", Assert.Single(view.Events, e => e.Kind == TimelineKind.Escalation).To);
        Assert.Contains("presidio", Assert.Single(view.Events, e => e.Kind == TimelineKind.Pin).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_NotesBackfilled_SortByOccurredAtNotRecordedAt()
    {
        await using var console = await IncidentConsole.StartAsync();
        var id = await console.OpenAsync();
        console.Clock.Advance(TimeSpan.FromMinutes(20));

        await console.RunAsync(new AddNote(id, "rolled back the adapter"));
        await console.RunAsync(new AddNote(id, "deploy went out", IncidentConsole.Start.AddMinutes(-5)));
        await console.RunAsync(new AddNote(id, "latency rose", IncidentConsole.Start.AddMinutes(10)));

        var notes = (await console.TimelineAsync(id)).OfKind(TimelineKind.Note).ToList();

        Assert.Equal(["deploy went out", "latency rose", "rolled back the adapter"], notes.Select(n => n.Title));
        Assert.True(notes[0].Backfilled);
        Assert.Equal(IncidentConsole.Start.AddMinutes(20), notes[0].RecordedAt);
        Assert.False(notes[2].Backfilled);
    }

    [Fact]
    public async Task EditNote_TwoEdits_KeepsEveryRevisionWithWhoAndWhen()
    {
        await using var console = await IncidentConsole.StartAsync();
        await console.Factory.AddUserAsync("amy", ConsoleRole.Operator);
        var id = await console.OpenAsync();
        var note = long.Parse((await console.RunAsync(new AddNote(id, "restarted the model"))).Created!, System.Globalization.CultureInfo.InvariantCulture);
        console.Clock.Advance(TimeSpan.FromMinutes(3));

        await console.RunAsync(new EditNote(id, note, "restarted the model server"), new Actor("amy", Door.Page));
        console.Clock.Advance(TimeSpan.FromMinutes(1));
        await console.RunAsync(new EditNote(id, note, "restarted the model server", IncidentConsole.Start.AddMinutes(-2)));
        var same = await console.Get<OperatorExecutor>().RunAsync(IncidentConsole.Otto, new EditNote(id, note, "restarted the model server"), IncidentConsole.Ct);

        var e = Assert.Single((await console.TimelineAsync(id)).OfKind(TimelineKind.Note));
        Assert.Equal("restarted the model server", e.Title);
        Assert.Equal(IncidentConsole.Start.AddMinutes(-2), e.OccurredAt);
        Assert.Equal([(1, "restarted the model", "otto"), (2, "restarted the model server", "amy"), (3, "restarted the model server", "otto")],
            e.Revisions.Select(r => (r.Revision, r.Text, r.By)));
        Assert.Equal(IncidentConsole.Start.AddMinutes(3), e.Revisions[1].At);
        Assert.Contains("edited 2 times, last by otto", e.Detail, StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Invalid, same.Status);
    }

    [Fact]
    public async Task Build_AlertLinkedWhileFiring_ItsTransitionsFromBeforeTheOpeningAppear()
    {
        await using var console = await IncidentConsole.StartAsync(Settings);
        await console.RunAsync(new StartDrill(DrillKinds.Http5xx, TimeSpan.FromMinutes(30)) { Reason = "practice" }, Actor.System);
        await console.MapAsync(2);
        await console.StepAsync(TimeSpan.FromSeconds(1));
        console.Clock.Advance(TimeSpan.FromMinutes(4));

        var id = await console.OpenAsync("5xx", "critical", AlertCatalog.Http5xxHigh);
        var view = await console.TimelineAsync(id);

        Assert.Equal(IncidentConsole.Start.AddSeconds(1), view.Incident.StartedAt);
        Assert.Equal([AlertCatalog.Http5xxHigh], view.Incident.Alerts);
        Assert.Single(view.Events, e => e.Kind == TimelineKind.Alert && e.To == "firing");
        Assert.Equal(TimelineKind.Alert, view.Events[0].Kind);
    }

    [Fact]
    public async Task SetIncidentStatus_MitigatedThenResolved_TimesAndDurationsFollowAndAReasonIsRequired()
    {
        await using var console = await IncidentConsole.StartAsync();
        var id = await console.OpenAsync();
        var executor = console.Get<OperatorExecutor>();

        var noReason = await executor.RunAsync(IncidentConsole.Otto, new SetIncidentStatus(id, "mitigated"), IncidentConsole.Ct);
        var viewer = await executor.RunAsync(new Actor("vera", Door.Page), new SetIncidentStatus(id, "resolved") { Reason = "looks fine" }, IncidentConsole.Ct);
        console.Clock.Advance(TimeSpan.FromMinutes(12));
        await console.RunAsync(new SetIncidentStatus(id, "mitigated") { Reason = "kill switch on" });
        console.Clock.Advance(TimeSpan.FromMinutes(48));
        await console.RunAsync(new SetIncidentStatus(id, "resolved") { Reason = "fixed adapter live" });

        var incident = (await console.TimelineAsync(id)).Incident;
        Assert.Equal(ActionStatus.Invalid, noReason.Status);
        Assert.Equal(ActionStatus.Denied, viewer.Status);
        Assert.Equal(("resolved", TimeSpan.FromMinutes(12), TimeSpan.FromHours(1)), (incident.Status, incident.TimeToMitigate, incident.TimeToResolve));
        Assert.Equal("1 h 00 min", IncidentSummary.Span(incident.TimeToResolve));
        var statuses = (await console.TimelineAsync(id)).Events.Where(e => e.Title.StartsWith("incidents.status", StringComparison.Ordinal)).ToList();
        Assert.Equal([("denied", "looks fine"), ("applied", "kill switch on"), ("applied", "fixed adapter live")], statuses.Select(s => (s.Result!, s.Reason!)));
    }

    [Fact]
    public async Task ExportAsync_TimelineWithEvents_PostMortemHoldsEveryEventSnapshotsAndTheChart()
    {
        await using var console = await IncidentConsole.StartAsync(Settings);
        var id = await console.OpenAsync("Mapping API | 5xx");
        await console.StepAsync(TimeSpan.FromMinutes(1));
        await console.RunAsync(new SetKillSwitch(true) { Reason = "clients failing" });
        await console.RunAsync(new AddNote(id, "secondary joined", FollowUp: false));
        await console.RunAsync(new AddNote(id, "add a 5xx golden case", FollowUp: true));
        await console.RunAsync(new PageSecondary(id) { Reason = "need help" });
        await console.StepAsync(TimeSpan.FromMinutes(1));
        await console.RunAsync(new SetIncidentStatus(id, "resolved") { Reason = "recovered" });

        var view = await console.TimelineAsync(id);
        var export = (await console.Get<IncidentsService>().ExportAsync(id, IncidentConsole.Ct))!;

        Assert.Equal($"incident-{id}-post-mortem.md", export.FileName);
        Assert.StartsWith($"# Post-mortem: incident #{id}: Mapping API | 5xx", export.Markdown, StringComparison.Ordinal);
        foreach (var section in new[] { "## Summary", "## Impact window", "## Timeline", "## Actions taken", "## Metric snapshots", "## SLI chart", "## Follow-ups" })
        {
            Assert.Contains(section, export.Markdown, StringComparison.Ordinal);
        }

        var timeline = Section(export.Markdown, "## Timeline");
        var rows = timeline.Split('\n').Where(l => l.StartsWith("| 2026", StringComparison.Ordinal)).ToList();
        Assert.Equal(view.Events.Count, rows.Count);
        foreach (var (e, row) in view.Events.Zip(rows))
        {
            Assert.Contains($"| {e.KindName}", row, StringComparison.Ordinal);
            Assert.Contains(e.Title.Replace("|", "\\|", StringComparison.Ordinal), row, StringComparison.Ordinal);
        }

        Assert.Equal(view.Events.Count, Section(export.Markdown, "## Metric snapshots").Split('\n').Count(l => l.StartsWith("| 2026", StringComparison.Ordinal)));
        Assert.Contains("**controls.kill_switch on mode** by otto (operator, page): hybrid → rules_only. Reason: clients failing", export.Markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] add a 5xx golden case (otto)", export.Markdown, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", export.Markdown, StringComparison.Ordinal);
        Assert.Contains("time to resolve 2 min", export.Markdown, StringComparison.Ordinal);
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        var end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return markdown[start..(end < 0 ? markdown.Length : end)];
    }
}
