using Bunit;
using Mapper.Console.Actions;
using Mapper.Console.Components.Pages;
using Mapper.Console.Identity;
using Mapper.Console.Tests.Support;
using Mapper.Engine.Controls;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Console.Tests.Components.Panels;

/// <summary>The Controls page's restore card on a fake clock: what was live at a time, restoring it, and resetting to the defaults.</summary>
public sealed class RestoreCardTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
    private PageTestContext _page = null!;

    public ValueTask InitializeAsync()
    {
        _page = PageTestContext.Start(new MapperFactory(time: _clock));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _page.DisposeAsync();

    [Fact]
    public async Task Restore_ATimeBetweenChanges_ShowsWhatWasLiveThenAndPutsItBack()
    {
        var op = await _page.UserAsync("otto", ConsoleRole.Operator);
        await RunAsync(new SetThreshold(null, 0.7) { Reason = "first" }, TimeSpan.FromMinutes(10));
        await RunAsync(new SetThreshold(null, 0.8) { Reason = "second" }, TimeSpan.FromMinutes(10));
        await RunAsync(new SetKillSwitch(true) { Reason = "incident" }, TimeSpan.FromMinutes(1));
        var cut = _page.Render<Controls>(op);

        cut.Find("[data-testid=restore-at]").Change("2026-12-01T14:15");
        cut.Find("[data-testid=restore-show]").Click();
        cut.WaitForAssertion(() => Assert.Equal("0.70", cut.Find("[data-testid=live-at-threshold]").TextContent));
        Assert.Equal("hybrid", cut.Find("[data-testid=live-at-mode]").TextContent);
        cut.Find("[data-testid=restore-apply]").Click();
        var changes = _page.ConfirmChanges();
        Assert.Contains("Mode rules_only → hybrid", changes);
        Assert.Contains("Global threshold 0.80 → 0.70", changes);
        _page.Confirm("back to before the incident");

        cut.WaitForAssertion(() => Assert.Equal("0.70", cut.Find("[data-testid=threshold-live]").TextContent));
        var live = _page.Service<RuntimeControlsStore>().Current;
        Assert.Equal((MappingMode.Hybrid, 0.7), (live.Mode, live.GlobalThreshold));
    }

    [Fact]
    public async Task Reset_AfterChanges_EveryControlBackToTheConfiguredDefaults()
    {
        var op = await _page.UserAsync("otto", ConsoleRole.Operator);
        await RunAsync(new SetThreshold("presidio", 0.9) { Reason = "noisy" }, TimeSpan.FromMinutes(1));
        await RunAsync(new SetBatchLimits(8, 2) { Reason = "latency" }, TimeSpan.FromMinutes(1));
        var cut = _page.Render<Controls>(op);

        cut.Find("[data-testid=reset-apply]").Click();
        var changes = _page.ConfirmChanges();
        Assert.Contains("Threshold for presidio 0.90 → global", changes);
        Assert.Contains(changes, c => c.StartsWith("Batch limits max 8, wait 2 ms →", StringComparison.Ordinal));
        _page.Confirm("start clean");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=detector-thresholds-empty]")));
        var defaults = _page.Service<Mapper.Engine.EngineOptions>().ToInitialControls();
        var live = _page.Service<RuntimeControlsStore>().Current;
        Assert.Equal((defaults.MaxBatchSize, defaults.MaxBatchWait), (live.MaxBatchSize, live.MaxBatchWait));
        Assert.True(PageTestContext.IsDisabled(cut.Find("[data-testid=reset-apply]")));
    }

    private async Task RunAsync(OperatorCommand command, TimeSpan after)
    {
        _clock.Advance(after);
        var outcome = await _page.Factory.Executor().RunAsync(new Actor("otto", Door.Api), command, Xunit.TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, outcome.Message);
    }
}
