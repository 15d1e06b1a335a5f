using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Mapper.EndToEnd.Tests.Support;
using Mapper.EndToEnd.Tests.Support.Pages;
using static Microsoft.Playwright.Assertions;

namespace Mapper.EndToEnd.Tests.Components.Pages;

/// <summary>
/// The controls page as on-call uses it. The kill switch is the whole console's state, so these run alone and put
/// it back off whatever happens; the viewer's refused change would be one too if the server let it through.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ControlsTests(ConsoleFixture console) : BrowserTest(console)
{
    private const string ViewerWhy = "takes the operator role (you are viewer)";

    private const string OwnDetector = "presidio";

    [Fact]
    public async Task KillSwitch_OperatorFlipsItOnThePage_RulesAnswerBannerOnEveryPageAuditRowThenBackOff()
    {
        var reason = $"e2e page drill {Guid.NewGuid():N}"[..26];
        var who = Console.Operator.Name;
        var session = await OpenSignedInAsync(Console.Operator);
        var controls = await new ControlsPage(session.Page).GotoAsync();
        await session.WaitForCircuitAsync();
        await Expect(controls.Banner("kill-switch")).ToHaveCountAsync(0);
        await session.Page.EvaluateAsync("() => { window.__sameDocument = true; }");

        try
        {
            await controls.FlipKillSwitchAsync(on: true, reason);

            await Expect(controls.KillSwitchState).ToContainTextAsync($"by {who}: {reason}");
            var answer = await Console.Api.MapAsync("presidio", "US_SSN", Cancellation);
            Assert.Contains("reason=kill_switch", (string?)answer["notes"], StringComparison.Ordinal);
            Assert.Equal("rules", (string?)answer["provenance"]?["route"]);
            await Expect(controls.Banner("kill-switch")).ToContainTextAsync($"rules-only by {who}: {reason}");

            var overview = new OverviewPage(session.Page);
            await overview.NavigateAsync("Overview", "/");
            await Expect(overview.Heading).ToBeVisibleAsync();
            await Expect(overview.Banner("kill-switch")).ToContainTextAsync($"rules-only by {who}: {reason}");

            var audit = new AuditPage(session.Page);
            await audit.NavigateAsync("Audit log", AuditPage.Path);
            var row = audit.RowWith(reason);
            await Expect(row.Root).ToHaveCountAsync(1);
            await Expect(row.Actor).ToHaveTextAsync(who);
            await Expect(row.Door).ToHaveTextAsync("page");
            await Expect(row.Action).ToHaveTextAsync("controls.kill_switch");
            await Expect(row.Reason).ToHaveTextAsync(reason);
            await Expect(row.Result).ToHaveTextAsync("applied");

            await controls.NavigateAsync("Controls", ControlsPage.Path);
            await controls.FlipKillSwitchAsync(on: false, "e2e page drill over");

            await Expect(controls.Banner("kill-switch")).ToHaveCountAsync(0);
            var after = await Console.Api.MapAsync("presidio", "US_SSN", Cancellation);
            Assert.DoesNotContain("kill_switch", (string?)after["notes"], StringComparison.Ordinal);
            Assert.True(await session.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        }
        finally
        {
            await PutKillSwitchOffAsync();
        }
    }

    [Fact]
    public async Task Controls_Viewer_EveryChangeDisabledWithTheReasonAndTheServerRefusesAnyway()
    {
        // A detector with its own threshold, so its Edit and Clear buttons are on the page too.
        await Console.Api.SetDetectorThresholdAsync(OwnDetector, 0.7, "e2e: a row for the viewer to see", Cancellation);
        var before = await Console.Api.ControlsAsync(Cancellation);
        try
        {
            var session = await OpenSignedInAsync(Console.Viewer);
            var controls = await new ControlsPage(session.Page).GotoAsync();
            await session.WaitForCircuitAsync();
            await Expect(controls.ReadOnlyNotice).ToContainTextAsync(ViewerWhy);

            // Looking up what was live is reading, so a viewer may (the next minute: the box takes minutes, and the
            // browser's zone is UTC); restoring it is a change.
            await controls.RestoreAt.FillAsync(DateTime.UtcNow.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            await controls.RestoreShow.ClickAsync();
            await Expect(controls.LiveAt).ToBeVisibleAsync();

            ILocator[] rowButtons = [controls.DetectorThresholdEdit(OwnDetector), controls.DetectorThresholdClear(OwnDetector), controls.RestoreApply];
            foreach (var button in controls.ChangeButtons.Concat(rowButtons))
            {
                await Expect(button).ToBeDisabledAsync();
                Assert.True(ViewerWhy == await Fields.TitleAsync(button), $"{button}: title '{await Fields.TitleAsync(button)}'");
            }

            foreach (var (name, field) in controls.ChangeFields)
            {
                Assert.True(await field.IsDisabledAsync(), $"the {name} field is enabled for a viewer");
            }

            await ServerRefusesTheViewerAsync(before);
            await Expect(controls.KillSwitchState).ToContainTextAsync(ControlsPage.StateOff);
        }
        finally
        {
            await PutKillSwitchOffAsync();
            var live = await Console.Api.ControlsAsync(CancellationToken.None);
            if ((double)live["threshold"]!["value"]! != (double)before["threshold"]!["value"]!)
            {
                await Console.Api.SetThresholdAsync((double)before["threshold"]!["value"]!, "e2e: put back after a viewer's change got through", CancellationToken.None);
            }

            await Console.Api.ClearDetectorThresholdAsync(OwnDetector, "e2e: the viewer test's row goes", CancellationToken.None);
        }
    }

    /// <summary>The viewer's token on the admin API: every change is a 403, audited as denied, and nothing live moves.</summary>
    private async Task ServerRefusesTheViewerAsync(JsonNode before)
    {
        using var viewerApi = await AdminApi.SignInAsync(Console.Server.BaseAddress, Console.Viewer.Name, Console.Viewer.Password, Cancellation);
        var killSwitch = await viewerApi.TrySendAsync(HttpMethod.Put, "/api/v1/controls/kill-switch", new JsonObject { ["on"] = true, ["reason"] = "a viewer tries" }, Cancellation);
        var threshold = await viewerApi.TrySendAsync(HttpMethod.Put, "/api/v1/controls/threshold", new JsonObject { ["value"] = 0.9, ["reason"] = "a viewer tries" }, Cancellation);

        foreach (var (status, body) in new[] { killSwitch, threshold })
        {
            Assert.Equal(403, status);
            Assert.Equal("INSUFFICIENT_RBAC", (string?)body?["detail"]?["error_code"]);
        }

        var after = await Console.Api.ControlsAsync(Cancellation);
        Assert.Equal((long)before["epoch"]!, (long)after["epoch"]!);
        Assert.False((bool)after["kill_switch"]!["on"]!);
        Assert.Equal((double)before["threshold"]!["value"]!, (double)after["threshold"]!["value"]!);
        var denied = await Console.Api.AuditAsync($"actor={Console.Viewer.Name}&result=denied", Cancellation);
        Assert.Contains(denied, r => (string?)r!["action"] == "controls.kill_switch" && (string?)r["door"] == "api");
    }

    private async Task PutKillSwitchOffAsync()
    {
        if ((bool?)(await Console.Api.ControlsAsync(CancellationToken.None))["kill_switch"]?["on"] == true)
        {
            await Console.Api.SetKillSwitchAsync(on: false, "e2e: put back after a failed test", CancellationToken.None);
        }
    }
}
