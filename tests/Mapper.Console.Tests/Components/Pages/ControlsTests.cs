using Bunit;
using Mapper.Console.Actions;
using Mapper.Console.Components.Pages;
using Mapper.Console.Identity;
using Mapper.Console.Monitoring;
using Mapper.Console.Tests.Support;
using Mapper.Engine.Controls;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Console.Tests.Components.Pages;

/// <summary>The Controls page against a real console: role gating, the kill switch through the dialog, the what-if, stale forms.</summary>
public sealed class ControlsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
    private PageTestContext _page = null!;

    public ValueTask InitializeAsync()
    {
        var model = new SpreadScorer("PII.Identifier.SSN", 0.35, 0.55, 0.65, 0.72, 0.78, 0.85, 0.92, 0.97);
        _page = PageTestContext.Start(new MapperFactory(model: model, time: _clock));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _page.DisposeAsync();

    [Fact]
    public async Task Render_Viewer_EveryControlDisabledWithTheReason()
    {
        var viewer = await _page.UserAsync("vera", ConsoleRole.Viewer);

        var cut = _page.Render<Controls>(viewer);

        Assert.Contains("takes the operator role (you are viewer)", cut.Find("[data-testid=controls-readonly]").TextContent, StringComparison.Ordinal);
        foreach (var id in new[] { "killswitch-toggle", "threshold-apply", "detector-threshold-add", "batch-apply", "reset-apply" })
        {
            var control = cut.Find($"[data-testid={id}]");
            Assert.True(PageTestContext.IsDisabled(control), id + " should be disabled for a viewer");
            Assert.Equal("takes the operator role (you are viewer)", control.Closest("[title]")?.GetAttribute("title"));
        }

        Assert.True(PageTestContext.IsDisabled(cut.Find("[data-testid=threshold-input]")));
        Assert.Contains("Off", cut.Find("[data-testid=killswitch-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillSwitch_OperatorConfirmsWithAReason_RulesOnlyIsLiveAndShownWithWhoAndWhy()
    {
        var op = await _page.UserAsync("otto", ConsoleRole.Operator);
        var cut = _page.Render<Controls>(op);

        cut.Find("[data-testid=killswitch-toggle]").Click();
        Assert.Contains("Mode hybrid → rules_only", _page.ConfirmChanges());
        _page.Confirm("drill: model drifting", revertMinutes: 30);

        cut.WaitForAssertion(() => Assert.Contains("since 14:00 UTC by otto: drill: model drifting", cut.Find("[data-testid=killswitch-state]").TextContent, StringComparison.Ordinal));
        Assert.Equal(MappingMode.RulesOnly, _page.Service<RuntimeControlsStore>().Current.Mode);
        Assert.Contains("turns itself off at Dec 1 14:30 UTC", cut.Find("[data-testid=killswitch-revert]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Turn off", cut.Find("[data-testid=killswitch-toggle]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThresholdInput_ProposedValue_PreviewIsThePreviewServiceSentence()
    {
        await SendTrafficAsync(40);
        var op = await _page.UserAsync("otto", ConsoleRole.Operator);
        var cut = _page.Render<Controls>(op);

        cut.Find("[data-testid=threshold-input]").Input("0.75");

        var preview = _page.Service<ThresholdPreview>();
        cut.WaitForAssertion(() => Assert.Equal(preview.Preview(0.75, null).Sentence, cut.Find("[data-testid=threshold-preview]").TextContent.Trim()));
        Assert.StartsWith("at 0.75 fallback over the last 15 min would have been", cut.Find("[data-testid=threshold-preview]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotEqual(preview.Preview(0.75, null).Sentence, preview.Preview(0.40, null).Sentence);
    }

    [Fact]
    public async Task ThresholdApply_SomeoneChangedItSinceLoad_ShowsStaleWithTheNewValueKeepsTheInputAndReapplies()
    {
        var op = await _page.UserAsync("otto", ConsoleRole.Operator);
        await _page.UserAsync("bea", ConsoleRole.Operator);
        var cut = _page.Render<Controls>(op);
        cut.Find("[data-testid=threshold-input]").Input("0.80");

        var meanwhile = await _page.Factory.Executor().RunAsync(new Actor("bea", Door.Api),
            new SetThreshold(null, 0.7) { Reason = "bea tunes it" }, Xunit.TestContext.Current.CancellationToken);
        Assert.True(meanwhile.Succeeded, meanwhile.Message);

        cut.Find("[data-testid=threshold-apply]").Click();
        _page.Confirm("raise it");

        cut.WaitForAssertion(() => Assert.Contains("changed by bea", cut.Find("[data-testid=stale-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal("0.70", cut.Find("[data-testid=stale-live]").TextContent);
        Assert.Equal(0.7, _page.Service<RuntimeControlsStore>().Current.GlobalThreshold);
        Assert.Equal("0.80", cut.Find("[data-testid=threshold-input]").GetAttribute("value"));

        cut.Find("[data-testid=threshold-apply]").Click();
        _page.Confirm("raise it, having seen bea's change");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=stale-message]")));
        Assert.Equal(0.8, _page.Service<RuntimeControlsStore>().Current.GlobalThreshold);
        Assert.Equal("0.80", cut.Find("[data-testid=threshold-live]").TextContent);
    }

    [Fact]
    public async Task DetectorThreshold_AddForAPickedDetectorThenClear_OverrideWithItsOwnWhatIfComesAndGoes()
    {
        await SendTrafficAsync(16);
        var op = await _page.UserAsync("otto", ConsoleRole.Operator);
        var cut = _page.Render<Controls>(op);
        Assert.NotNull(cut.Find("[data-testid=detector-thresholds-empty]"));

        _page.Pick(cut, "detector-threshold-pick", "presidio");
        cut.WaitForAssertion(() => Assert.False(PageTestContext.IsDisabled(cut.Find("[data-testid=detector-threshold-add]"))));
        cut.Find("[data-testid=detector-threshold-add]").Click();
        cut.Find("[data-testid=detector-threshold-input]").Input("0.90");
        cut.WaitForAssertion(() => Assert.Equal(
            _page.Service<ThresholdPreview>().Preview(0.9, "presidio").Sentence, cut.Find("[data-testid=detector-threshold-preview]").TextContent.Trim()));
        cut.Find("[data-testid=detector-threshold-apply]").Click();
        Assert.Contains("Threshold for presidio global (0.60) → 0.90", _page.ConfirmChanges());
        _page.Confirm("presidio is noisy today");

        cut.WaitForAssertion(() => Assert.Contains("0.90", cut.Find("[data-testid=detector-threshold-presidio]").TextContent, StringComparison.Ordinal));
        Assert.Contains("otto", cut.Find("[data-testid=detector-threshold-presidio]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0.9, _page.Service<RuntimeControlsStore>().Current.DetectorThresholds["presidio"]);

        cut.Find("[data-testid=detector-threshold-clear-presidio]").Click();
        _page.Confirm("back to normal");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=detector-threshold-presidio]")));
        Assert.Empty(_page.Service<RuntimeControlsStore>().Current.DetectorThresholds);
    }

    [Fact]
    public async Task KillSwitch_RoleTakenAwayAfterThePageLoaded_DeniedByTheExecutorAndNothingChanges()
    {
        var op = await _page.UserAsync("otto", ConsoleRole.Operator);
        var cut = _page.Render<Controls>(op);
        var demoted = await _page.Factory.Executor().RunAsync(Actor.System, new ChangeUserRole("otto", ConsoleRole.Viewer) { Reason = "rota ended" }, Xunit.TestContext.Current.CancellationToken);
        Assert.True(demoted.Succeeded, demoted.Message);

        cut.Find("[data-testid=killswitch-toggle]").Click();
        _page.Confirm("try anyway");

        _page.Snackbars.WaitForAssertion(() => Assert.Contains("takes the operator role", _page.Snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal(MappingMode.Hybrid, _page.Service<RuntimeControlsStore>().Current.Mode);
        Assert.Contains("Off", cut.Find("[data-testid=killswitch-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchLimits_OperatorLowersThem_ConfirmShowsTheChangeAndTheyAreLive()
    {
        var op = await _page.UserAsync("otto", ConsoleRole.Operator);
        var cut = _page.Render<Controls>(op);
        var before = _page.Service<RuntimeControlsStore>().Current;

        cut.Find("[data-testid=batch-size-input]").Input("4");
        cut.Find("[data-testid=batch-wait-input]").Input("1.5");
        cut.Find("[data-testid=batch-apply]").Click();
        Assert.Contains($"Batch limits max {before.MaxBatchSize}, wait {before.MaxBatchWait.TotalMilliseconds:0.##} ms → max 4, wait 1.5 ms", _page.ConfirmChanges());
        _page.Confirm("queue lag runbook: reduce batch sizes");

        cut.WaitForAssertion(() => Assert.Equal("max 4, wait 1.5 ms", cut.Find("[data-testid=batch-live]").TextContent));
        var live = _page.Service<RuntimeControlsStore>().Current;
        Assert.Equal((4, TimeSpan.FromMilliseconds(1.5)), (live.MaxBatchSize, live.MaxBatchWait));
    }

    private async Task SendTrafficAsync(int requests)
    {
        using var client = _page.Factory.CreateClient();
        for (var i = 0; i < requests; i++)
        {
            using var response = await client.PostAsync("/map", Http.Ssn);
            Assert.True(response.IsSuccessStatusCode);
        }
    }
}
