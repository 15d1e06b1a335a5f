using Mapper.EndToEnd.Tests.Support;
using Mapper.EndToEnd.Tests.Support.Pages;
using static Microsoft.Playwright.Assertions;

namespace Mapper.EndToEnd.Tests.Components.Layout;

/// <summary>The kill switch is the whole console's state: these run alone, and put it back off whatever happens.</summary>
[Collection(SerialCollection.Name)]
public sealed class KillSwitchBannerTests(ConsoleFixture console) : BrowserTest(console)
{
    [Fact]
    public async Task KillSwitch_OnThenOffThroughApi_BannerAndFallbackGaugeFollowWithoutReload()
    {
        var reason = $"e2e drill {Guid.NewGuid():N}"[..20];
        var session = await OpenSignedInAsync(Console.Operator);
        var overview = await new OverviewPage(session.Page).GotoAsync();
        await session.WaitForCircuitAsync();
        await Expect(overview.Banner("kill-switch")).ToHaveCountAsync(0);
        await session.Page.EvaluateAsync("() => { window.__sameDocument = true; }");

        try
        {
            await Console.Api.SetKillSwitchAsync(on: true, reason, Cancellation);

            await Expect(overview.Banner("kill-switch")).ToContainTextAsync($"rules-only by {Console.Admin.Name}: {reason}");
            await Expect(overview.Gauge("fallback").Root).ToHaveAttributeAsync("data-state", "expected");
            await Expect(overview.Gauge("fallback").Note).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^expected: rules-only"));
            var answer = await Console.Api.MapAsync("presidio", "US_SSN", Cancellation);
            Assert.Contains("route=rules; reason=kill_switch", (string?)answer["notes"]);
        }
        finally
        {
            await Console.Api.SetKillSwitchAsync(on: false, "e2e drill over", CancellationToken.None);
        }

        await Expect(overview.Banner("kill-switch")).ToHaveCountAsync(0);
        await Expect(overview.Gauge("fallback").Root).Not.ToHaveAttributeAsync("data-state", "expected");
        Assert.True(await session.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
    }
}
