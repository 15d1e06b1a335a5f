using Mapper.EndToEnd.Tests.Support;
using Mapper.EndToEnd.Tests.Support.Pages;

namespace Mapper.EndToEnd.Tests.Components.Pages;

public sealed class OverviewTests(ConsoleFixture console) : BrowserTest(console)
{
    [Fact]
    public async Task Overview_Open_ShowsANewSampleAtLeastEveryTwoSeconds()
    {
        var session = await OpenSignedInAsync(Console.Viewer);
        var overview = await new OverviewPage(session.Page).GotoAsync();
        await session.WaitForCircuitAsync();

        // Watch for 6 s: a page that refreshes at least every 2 s shows at least 3 distinct samples.
        var seen = new HashSet<DateTimeOffset>();
        var until = DateTime.UtcNow.AddSeconds(6);
        while (DateTime.UtcNow < until)
        {
            seen.Add(await overview.SampledAtAsync());
            await Task.Delay(100, Cancellation);
        }

        Assert.True(seen.Count >= 3, $"{seen.Count} distinct samples in 6 s: {string.Join(", ", seen.Order())}");
    }

    [Fact]
    public async Task Overview_MapRequests_RequestCountAndDetectorRowGrowWithoutReload()
    {
        const int Requests = 5;
        var session = await OpenSignedInAsync(Console.Viewer);
        var overview = await new OverviewPage(session.Page).GotoAsync();
        await session.WaitForCircuitAsync();
        await session.Page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var before = await overview.RequestCountAsync();
        var presidioBefore = await overview.DetectorRequestsAsync("presidio");

        for (var i = 0; i < Requests; i++)
        {
            await Console.Api.MapAsync("presidio", "US_SSN", Cancellation);
        }

        await Eventually.HoldsAsync(async () =>
        {
            Assert.True(await overview.RequestCountAsync() >= before + Requests);
            Assert.True(await overview.DetectorRequestsAsync("presidio") >= presidioBefore + Requests);
        }, TimeSpan.FromSeconds(10));
        Assert.True(await session.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
    }
}
