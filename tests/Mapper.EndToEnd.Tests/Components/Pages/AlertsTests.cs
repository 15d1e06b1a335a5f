using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mapper.EndToEnd.Tests.Support;
using Mapper.EndToEnd.Tests.Support.Pages;
using static Microsoft.Playwright.Assertions;

namespace Mapper.EndToEnd.Tests.Components.Pages;

/// <summary>
/// Alerts → runbook → action (issue 8), on the operations console (alerts fire after 5 s, a one-minute SLI window,
/// traffic flowing). Drills are for admins, so an admin runs it from the drill panel; the on-call operator follows
/// the alert to its runbook and mitigates from there. The drill and the kill switch are put back whatever happens.
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class AlertsTests(OperationsFixture console) : BrowserTest<OperationsFixture>(console)
{
    private const string SchemaValidLow = "MapperSchemaValidLow";

    /// <summary>The alert's 5 s <c>for</c> after the first refused answer, with room for a loaded machine.</summary>
    private static readonly TimeSpan Fires = TimeSpan.FromSeconds(60);

    /// <summary>The refused answers roll out of the one-minute window (10 s buckets) once the model is not asked.</summary>
    private static readonly TimeSpan WindowRollsOver = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task SchemaInvalidDrill_OperatorTurnsTheKillSwitchOnFromTheRunbook_AlertResolvesFallbackExpectedAuditInOrder()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (drillReason, killReason, backReason) = ($"e2e on-call practice {tag}", $"e2e schema-invalid answers {tag}", $"e2e model back {tag}");
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var who = Console.Operator.Name;
        var admin = await OpenSignedInAsync(Console.Admin);
        var drillPanel = await new AlertsPage(admin.Page).GotoAsync();
        await admin.WaitForCircuitAsync();
        try
        {
            await drillPanel.StartDrillAsync("schema-invalid", drillReason);
            await Expect(drillPanel.Banner("drill")).ToContainTextAsync("Drill running: schema-invalid");

            var session = await OpenSignedInAsync(Console.Operator);
            var alerts = await new AlertsPage(session.Page).GotoAsync();
            await session.WaitForCircuitAsync();
            var alert = alerts.Alert(SchemaValidLow);
            await alert.ExpectStateAsync("firing", Fires);
            await Expect(alerts.Banner("alert-" + SchemaValidLow)).ToContainTextAsync($"{SchemaValidLow} firing (warning)");

            await alert.RunbookLink.ClickAsync();
            await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/runbooks/mapper-schema-valid-low");
            var runbook = new RunbookPage(session.Page);
            await Expect(runbook.Heading).ToHaveTextAsync(SchemaValidLow);
            await runbook.RunActionAsync("kill-switch-on", killReason);
            await Expect(runbook.Action("kill-switch-on").Why).ToContainTextAsync("the kill switch is already on (since ");
            await Expect(runbook.Banner("kill-switch")).ToContainTextAsync($"rules-only by {who}: {killReason}");
            var answer = await Console.Api.MapAsync("presidio", "US_SSN", Cancellation);
            Assert.Contains("route=rules; reason=kill_switch", (string?)answer["notes"], StringComparison.Ordinal);

            // The fallback alert's breach is the operator's choice now: suppressed with who and why, never paged.
            await alerts.NavigateAsync("Alerts", AlertsPage.Path);
            var fallback = alerts.Alert("MapperFallbackHigh");
            await fallback.ExpectStateAsync("suppressed", Fires);
            await Expect(fallback.State).ToHaveTextAsync(ExpectedBy(who, killReason, "suppressed\\s*"));

            // The model is not asked, so once its refused answers leave the window there is nothing below target.
            await alert.ExpectStateAsync("resolved", WindowRollsOver);
            await Expect(alerts.Banner("alert-" + SchemaValidLow)).ToHaveCountAsync(0);

            var overview = new OverviewPage(session.Page);
            await overview.NavigateAsync("Overview", "/");
            await Expect(overview.Gauge("fallback").Root).ToHaveAttributeAsync("data-state", "expected");
            await Expect(overview.Gauge("fallback").Note).ToHaveTextAsync(ExpectedBy(who, killReason));
            await Expect(overview.Gauge("schema-valid").Root).ToHaveAttributeAsync("data-state", "no-data");
            await Expect(overview.Gauge("schema-valid").Note).ToHaveTextAsync("no model outputs: rules-only, the model is not asked");
            await Expect(overview.Banner("kill-switch")).ToContainTextAsync($"rules-only by {who}: {killReason}");

            await drillPanel.StopDrillAsync($"e2e practice over {tag}");
            await Expect(drillPanel.Banner("drill")).ToHaveCountAsync(0);
            var controls = new ControlsPage(session.Page);
            await controls.NavigateAsync("Controls", ControlsPage.Path);
            await controls.FlipKillSwitchAsync(on: false, backReason);
            await Expect(controls.Banner("kill-switch")).ToHaveCountAsync(0);
        }
        finally
        {
            await Console.Api.StopDrillIfRunningAsync(CancellationToken.None);
            await Console.Api.KillSwitchOffIfOnAsync("e2e: put back after a failed alerts test", CancellationToken.None);
        }

        var rows = await AuditSinceAsync(from);
        AssertInOrder(rows,
            ("drills.start", Console.Admin.Name, drillReason, "schema-invalid until "),
            ("controls.kill_switch", who, killReason, "rules_only"),
            ("drills.stop", Console.Admin.Name, null, "none"),
            ("controls.kill_switch", who, backReason, "hybrid"));
        Assert.Equal("runbook", (string?)rows.Single(r => (string?)r["reason"] == killReason)["door"]);
    }

    /// <summary>"expected: rules-only since 14:02 UTC by otto (reason)": the alert's note and the fallback gauge's alike.</summary>
    private static Regex ExpectedBy(string who, string reason, string before = "") =>
        new($@"^\s*{before}expected: rules-only since \d\d:\d\d UTC by {Regex.Escape(who)} \({Regex.Escape(reason)}\)\s*$");

    /// <summary>The applied audit rows from <paramref name="from"/> on, oldest first.</summary>
    private async Task<List<JsonNode>> AuditSinceAsync(DateTimeOffset from)
    {
        var query = "result=applied&size=200&from=" + Uri.EscapeDataString(from.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return [.. (await Console.Api.AuditAsync(query, Cancellation)).Select(r => r!).OrderBy(r => (long)r["id"]!)];
    }

    /// <summary>
    /// Each expected row (action, actor, reason when given, and the start of the new value) is in the log, each after
    /// the one before; rows of other actions may sit between them (runbook checks, say), none of these may be missing.
    /// </summary>
    private static void AssertInOrder(List<JsonNode> rows, params (string Action, string Actor, string? Reason, string NewValue)[] expected)
    {
        var at = -1;
        foreach (var (action, actor, reason, newValue) in expected)
        {
            var found = rows.FindIndex(at + 1, r => (string?)r["action"] == action && (string?)r["actor"] == actor
                && (reason is null || (string?)r["reason"] == reason) && ((string?)r["new_value"])?.StartsWith(newValue, StringComparison.Ordinal) == true);
            Assert.True(found > at, $"no {action} by {actor} ({reason}, new value {newValue}...) after row {at} in:\n" +
                string.Join('\n', rows.Select(r => $"{r["id"]} {r["action"]} {r["actor"]} {r["old_value"]} -> {r["new_value"]} ({r["reason"]})")));
            at = found;
        }
    }
}
