using System.Globalization;
using System.Text.RegularExpressions;
using Mapper.EndToEnd.Tests.Support;
using Mapper.EndToEnd.Tests.Support.Pages;
using static Microsoft.Playwright.Assertions;

namespace Mapper.EndToEnd.Tests.Components.Pages;

/// <summary>
/// Alert → incident → timeline → post-mortem (issue 9), on the operations console: the critical 5xx alert fires under
/// an http-5xx drill, the on-call operator opens the incident from its runbook, works two steps and the kill switch
/// there, writes a note about something that happened earlier, resolves, and exports the post-mortem. The drill, the
/// kill switch and the incident are put back whatever happens.
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed partial class IncidentTests(OperationsFixture console) : BrowserTest<OperationsFixture>(console)
{
    private const string Http5xxHigh = "Mapper5xxHigh";

    private const string GaugesStep = "Read the gauges and the error budget";

    private const string ErrorsStep = "Read recent errors by type and error code";

    /// <summary>The alert's 5 s <c>for</c> after the first injected 500, with room for a loaded machine.</summary>
    private static readonly TimeSpan Fires = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Http5xxDrill_IncidentOpenedFromTheRunbook_PostMortemHasFiringChecksKillSwitchNoteAndResolutionInTimeOrder()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var killReason = $"e2e 5xx on the model path {tag}";
        var noteText = $"e2e: a client reported 500s before the alert fired {tag}";
        var summary = $"e2e: an http-5xx drill; the kill switch was tried, the drill ended it {tag}";
        var resolution = $"e2e: drill over, 5xx back under 1% {tag}";
        var who = Console.Operator.Name;
        long? incidentId = null;
        try
        {
            await Console.Api.StartDrillAsync("http-5xx", 10, $"e2e incident practice {tag}", Cancellation);
            var session = await OpenSignedInAsync(Console.Operator);
            var alerts = await new AlertsPage(session.Page).GotoAsync();
            await session.WaitForCircuitAsync();
            var alert = alerts.Alert(Http5xxHigh);
            await alert.ExpectStateAsync("firing", Fires);
            await Expect(alert.Severity).ToHaveTextAsync("critical");
            await Expect(alerts.Banner("alert-" + Http5xxHigh)).ToContainTextAsync($"{Http5xxHigh} firing (critical)");

            await alert.RunbookLink.ClickAsync();
            await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/runbooks/mapper-5xx-high");
            var runbook = new RunbookPage(session.Page);
            await Expect(runbook.Heading).ToHaveTextAsync(Http5xxHigh);
            await Expect(runbook.RunInfo).ToContainTextAsync("no incident open");

            // Another alert may be pending too (the fallback one, after an earlier test): name the one this is about.
            var open = runbook.Action("open-incident");
            await open.ChooseAsync("alert", Http5xxHigh);
            await open.ChooseAsync("severity", "critical");
            await Expect(open.Button).ToBeEnabledAsync();
            await open.Button.ClickAsync();
            await Expect(runbook.ConfirmDialog.Changes).ToContainTextAsync([$"{Http5xxHigh} firing (critical), linked to {Http5xxHigh}"]);
            await runbook.ConfirmDialog.ApplyAsync($"e2e: open the incident {tag}");
            await Expect(runbook.RunInfo).ToContainTextAsync(new Regex($@"\(checks recorded on incident #\d+: {Http5xxHigh} firing\)"));
            var id = long.Parse(IncidentNumber().Match(await runbook.RunInfo.InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
            incidentId = id;

            await runbook.Step(GaugesStep).CheckAsync(who);
            await runbook.Step(ErrorsStep).CheckAsync(who);
            await Expect(runbook.RunInfo).ToContainTextAsync(new Regex(@"· 2 of \d+ steps checked"));
            await runbook.RunActionAsync("kill-switch-on", killReason);
            await Expect(runbook.Banner("kill-switch")).ToContainTextAsync($"rules-only by {who}: {killReason}");

            // What was learned late: a client's report from before the condition even began (the page marks a note
            // that occurred more than a minute before it was written as backfilled).
            var noteAt = (await PendingSinceAsync()) - TimeSpan.FromSeconds(90);
            var incident = await new IncidentPage(session.Page).GotoAsync(id);
            await session.WaitForCircuitAsync();
            await Expect(incident.Title).ToHaveTextAsync($"#{id} {Http5xxHigh} firing");
            await incident.AddNoteAsync(noteText, noteAt);
            await Expect(incident.Events.Filter(new() { HasText = noteText })).ToContainTextAsync("recorded");

            await Console.OperatorApi.SetIncidentSummaryAsync(id, summary, Cancellation);
            await Expect(incident.Summary).ToHaveTextAsync(summary);
            await incident.ResolveAsync(resolution);
            var (fileName, markdown) = await incident.ExportAsync();

            Assert.EndsWith(".md", fileName, StringComparison.Ordinal);
            Assert.Equal(Normalize(await Console.Api.PostMortemAsync(id, Cancellation)), Normalize(markdown));
            Assert.Contains(summary, Section(markdown, "Summary"), StringComparison.Ordinal);
            Assert.Contains($"**controls.kill_switch on ", Section(markdown, "Actions taken"), StringComparison.Ordinal);
            Assert.Contains($"Reason: {killReason}", Section(markdown, "Actions taken"), StringComparison.Ordinal);
            AssertTimelineInOrder(markdown,
                Entry("the note written late", r => r.Kind == "note" && r.What == noteText && r.Occurred.Contains("(recorded ", StringComparison.Ordinal)),
                Entry("the alert firing", r => r.Kind == "alert" && r.What == $"{Http5xxHigh} pending → firing" && r.Detail.StartsWith("critical", StringComparison.Ordinal)),
                Entry("the gauges step checked", r => r.Kind == "runbook" && r.Change == "unchecked → checked" && r.Detail.Contains(GaugesStep, StringComparison.Ordinal)),
                Entry("the errors step checked", r => r.Kind == "runbook" && r.Change == "unchecked → checked" && r.Detail.Contains(ErrorsStep, StringComparison.Ordinal)),
                Entry("the kill switch on", r => r.Kind == "action" && r.What.StartsWith("controls.kill_switch", StringComparison.Ordinal) && r.Change == "hybrid → rules_only" && r.Detail == killReason && r.Who.StartsWith(who, StringComparison.Ordinal)),
                Entry("the resolution", r => r.Kind == "incident" && r.Change == "investigating → resolved" && r.Detail == resolution));
        }
        finally
        {
            await Console.Api.StopDrillIfRunningAsync(CancellationToken.None);
            await Console.Api.KillSwitchOffIfOnAsync("e2e: put back after the incident test", CancellationToken.None);
            if (incidentId is { } open && (await Console.Api.IncidentsAsync(CancellationToken.None)).Any(i => (long?)i?["id"] == open && (string?)i["status"] != "resolved"))
            {
                await Console.Api.SetIncidentStatusAsync(open, "resolved", "e2e: closed after a failed incident test", CancellationToken.None);
            }
        }
    }

    private static (string Name, Func<TimelineRow, bool> Is) Entry(string name, Func<TimelineRow, bool> isIt) => (name, isIt);

    /// <summary>When the condition of the 5xx alert's newest firing began (its move to pending before it).</summary>
    private async Task<DateTimeOffset> PendingSinceAsync()
    {
        var history = (await Console.Api.AlertHistoryAsync(Http5xxHigh, Cancellation)).Select(t => t!).ToList();
        var firing = history.First(t => (string?)t["to"] == "firing");
        var pending = history.First(t => (string?)t["to"] == "pending" && (long)t["id"]! < (long)firing["id"]!);
        return DateTimeOffset.Parse((string)pending["at"]!, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The timeline table is sorted by occurred-at, and holds each expected row after the one before it (other rows,
    /// such as the incident's opening or the run's start, may sit between).
    /// </summary>
    private static void AssertTimelineInOrder(string markdown, params (string Name, Func<TimelineRow, bool> Is)[] expected)
    {
        var rows = Section(markdown, "Timeline").Split('\n').Skip(2).Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Select(TimelineRow.Parse).ToList();
        var times = rows.Select(r => r.OccurredAt).ToList();
        Assert.True(times.SequenceEqual(times.Order()), "the timeline is not sorted by occurred-at:\n" + Section(markdown, "Timeline"));
        var at = -1;
        foreach (var (name, isIt) in expected)
        {
            var found = rows.FindIndex(at + 1, r => isIt(r));
            Assert.True(found > at, $"{name}: not in the timeline after row {at}:\n{Section(markdown, "Timeline")}");
            at = found;
        }
    }

    /// <summary>The text under <c>## heading</c>, up to the next heading of that level.</summary>
    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf($"\n## {heading}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '## {heading}' in the post-mortem:\n{markdown}");
        var body = start + heading.Length + 5;
        var end = markdown.IndexOf("\n## ", body, StringComparison.Ordinal);
        return markdown[body..(end < 0 ? markdown.Length : end)].Trim('\n');
    }

    /// <summary>The export stamps the time it was made; the rest must be the same document whichever door it came by.</summary>
    private static string Normalize(string markdown) => ExportedAt().Replace(markdown.ReplaceLineEndings("\n"), "Exported <time> from");

    [GeneratedRegex(@"incident #(\d+):")]
    private static partial Regex IncidentNumber();

    [GeneratedRegex(@"Exported \d{4}-\d\d-\d\d \d\d:\d\d:\d\d from")]
    private static partial Regex ExportedAt();

    /// <summary>One row of the post-mortem's timeline table: Occurred (UTC) | Kind | What | Who | Change | Reason / detail.</summary>
    private sealed record TimelineRow(string Occurred, string Kind, string What, string Who, string Change, string Detail)
    {
        public DateTimeOffset OccurredAt => DateTimeOffset.ParseExact(Occurred[..19], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public static TimelineRow Parse(string line)
        {
            // Cells escape a pipe as \|; none of the cells looked at here holds one.
            var cells = line.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
            Assert.True(cells.Length == 6, $"not a timeline row: {line}");
            return new TimelineRow(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
        }
    }
}
