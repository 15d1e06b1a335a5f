using Bunit;
using Mapper.Console.Actions;
using Mapper.Console.Components.Pages;
using Mapper.Console.Identity;
using Mapper.Console.Store;
using Mapper.Console.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Console.Tests.Components.Pages;

/// <summary>The Audit log page on a real store with a fake clock: rows, filters, the chain verdict, the empty state, what was live at a time.</summary>
public sealed class AuditTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = Xunit.TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
    private PageTestContext _page = null!;

    public async ValueTask InitializeAsync()
    {
        _page = PageTestContext.Start(new MapperFactory(time: _clock));
        await _page.Factory.AddUserAsync("otto", ConsoleRole.Operator);
        foreach (var (threshold, reason) in new[] { (0.7, "first"), (0.65, "second") })
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
            var outcome = await _page.Factory.Executor().RunAsync(new Actor("otto", Door.Page), new SetThreshold(null, threshold) { Reason = reason }, Ct);
            Assert.True(outcome.Succeeded, outcome.Message);
        }
    }

    public ValueTask DisposeAsync() => _page.DisposeAsync();

    [Fact]
    public async Task Render_AfterChanges_EveryRowNewestFirstWithWhoAndWhy()
    {
        var cut = _page.Render<Audit>(await _page.UserAsync("vera", ConsoleRole.Viewer));

        var rows = cut.WaitForElements("[data-testid=audit-row]");
        var ids = rows.Select(r => long.Parse(r.GetAttribute("data-audit-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(await CountAsync(), rows.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        var threshold = rows.First(r => r.TextContent.Contains("second", StringComparison.Ordinal)).TextContent;
        Assert.Contains("otto", threshold, StringComparison.Ordinal);
        Assert.Contains("controls.threshold", threshold, StringComparison.Ordinal);
        Assert.Contains("0.7 → 0.65", threshold, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 14:20:00 UTC", threshold, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_ActionFamily_OnlyThatFamilysRows()
    {
        var controls = await CountAsync("controls.");
        var cut = _page.Render<Audit>(PageTestContext.Admin);
        Assert.True(controls >= 2, "the setup made two threshold changes");
        Assert.Contains(cut.FindAll("[data-testid=audit-action]"), a => a.TextContent.StartsWith("users.", StringComparison.Ordinal));

        _page.Pick(cut, "audit-filter-action", "controls");
        cut.Find("[data-testid=audit-filter-apply]").Click();

        cut.WaitForAssertion(() => Assert.Equal(controls, cut.FindAll("[data-testid=audit-row]").Count));
        Assert.All(cut.FindAll("[data-testid=audit-action]"), a => Assert.StartsWith("controls.", a.TextContent, StringComparison.Ordinal));
        Assert.Contains("action=controls", cut.Find("[data-testid=audit-export-csv]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_NothingMatches_SaysSoInsteadOfAnEmptyTable()
    {
        var cut = _page.Render<Audit>(PageTestContext.Admin);

        cut.Find("[data-testid=audit-filter-actor]").Input("nobody");
        cut.Find("[data-testid=audit-filter-apply]").Click();

        cut.WaitForAssertion(() => Assert.Contains("No audit rows match", cut.Find("[data-testid=audit-empty]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=audit-row]"));
    }

    [Fact]
    public async Task Verify_IntactThenOneRowRewritten_VerdictNamesTheRow()
    {
        var cut = _page.Render<Audit>(PageTestContext.Admin);
        var total = await CountAsync();

        cut.Find("[data-testid=audit-verify]").Click();
        cut.WaitForAssertion(() => Assert.Equal($"intact, {total} rows", cut.Find("[data-testid=audit-verdict]").TextContent.Trim()));

        var target = await RowIdAsync("first");
        await using (var db = await DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_log_no_update", Ct);
            await db.Database.ExecuteSqlAsync($"UPDATE audit_log SET Reason = 'routine' WHERE Id = {target}", Ct);
        }

        cut.Find("[data-testid=audit-verify]").Click();
        cut.WaitForAssertion(() => Assert.StartsWith($"broken at row {target}: row {target} was altered", cut.Find("[data-testid=audit-verdict]").TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public void LiveAt_ATimeBetweenTwoChanges_ShowsTheControlsInForceThen()
    {
        var cut = _page.Render<Audit>(PageTestContext.Admin);

        cut.Find("[data-testid=audit-live-at]").Change("2026-12-01T14:15");
        cut.Find("[data-testid=audit-live-at-show]").Click();

        cut.WaitForAssertion(() => Assert.Equal("0.70", cut.Find("[data-testid=live-at-threshold]").TextContent));
        Assert.Equal("hybrid", cut.Find("[data-testid=live-at-mode]").TextContent);
        Assert.Equal("none (rules only)", cut.Find("[data-testid=live-at-adapter]").TextContent);
    }

    private async Task<MapperDbContext> DbAsync() => await _page.Service<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Ct);

    private async Task<int> CountAsync(string actionPrefix = "")
    {
        await using var db = await DbAsync();
        return await db.Audit.CountAsync(e => e.Action.StartsWith(actionPrefix), Ct);
    }

    private async Task<long> RowIdAsync(string reason)
    {
        await using var db = await DbAsync();
        return await db.Audit.Where(e => e.Reason == reason).Select(e => e.Id).SingleAsync(Ct);
    }
}
