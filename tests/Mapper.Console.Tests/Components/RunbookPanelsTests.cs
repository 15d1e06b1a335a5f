using Bunit;
using Mapper.Console.Components.Panels;
using Mapper.Console.Components.Shared;
using Mapper.Console.Identity;
using Mapper.Console.Runbooks.Panels;
using Mapper.Engine.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Components;

/// <summary>The runbook panels that read beyond the sample: validation failures, errors, recent changes, the golden run.</summary>
public sealed class RunbookPanelsTests : IAsyncLifetime
{
    private static readonly ConsoleUser Otto = new("otto", ConsoleRole.Operator);
    private RunbookPageContext _page = null!;

    public async ValueTask InitializeAsync() =>
        _page = await RunbookPageContext.StartAsync(new Dictionary<string, string> { ["kill-switch.md"] = "# Kill switch\n\n## Mitigate\n\n- [ ] Turn it on.\n" });

    public ValueTask DisposeAsync() => _page.DisposeAsync();

    [Fact]
    public void ValidationFailures_RefusedModelAnswers_ShowDetectorCheckAndErrorsOnly()
    {
        var telemetry = _page.Factory.Services.GetRequiredService<MapperTelemetry>();
        telemetry.Recent.Add(new RecentDecision("presidio", "rules", "schema_invalid", 0.91, false, 0.6, ["OTHER.Unknown"], TimeSpan.FromMilliseconds(3), DateTimeOffset.UtcNow,
            ["taxonomy has label PII.Made.Up not in taxonomy 2025.09"]));
        telemetry.Recent.Add(new RecentDecision("presidio", "model", null, 0.95, true, 0.6, ["PII.Identifier.SSN"], TimeSpan.FromMilliseconds(2), DateTimeOffset.UtcNow, []));

        var cut = Panel("validation-failures");

        var row = Assert.Single(cut.FindAll("[data-testid=validation-failure]"));
        Assert.Contains("presidio", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("0.91", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("not in taxonomy 2025.09", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("taxonomy membership: 1", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationFailures_NoneRefused_SaysSo()
    {
        Assert.NotNull(Panel("validation-failures").Find("[data-testid=validation-failures-empty]"));
    }

    [Fact]
    public void Errors_ByErrorCode_CountsWhatTheCountersSaw()
    {
        var telemetry = _page.Factory.Services.GetRequiredService<MapperTelemetry>();
        telemetry.RecordError(ErrorCodes.InternalError);
        var history = _page.Factory.Services.GetRequiredService<ErrorHistory>();
        var first = history.Read(DateTimeOffset.UtcNow.AddSeconds(-30));
        telemetry.RecordError(ErrorCodes.InternalError);
        telemetry.RecordError(ErrorCodes.InternalError);

        var cut = Panel("errors");

        Assert.Equal(1, first.Codes.Single(c => c.Code == ErrorCodes.InternalError).Total);
        var cells = cut.FindAll($"[data-testid=error-{ErrorCodes.InternalError}] td").Select(c => c.TextContent).ToList();
        Assert.Equal([ErrorCodes.InternalError, "2", "3"], cells);
        Assert.Equal(["0", "0"], cut.FindAll($"[data-testid=error-{ErrorCodes.RateLimited}] td").Skip(1).Select(c => c.TextContent));
        Assert.Contains("5xx responses in the SLI window: 0 of 0", cut.Find("[data-testid=errors-5xx]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecentChanges_LeavesOutTheRunbooksOwnRows()
    {
        var runs = _page.Factory.Services.GetRequiredService<Mapper.Console.Runbooks.RunbookRuns>();
        await runs.StartAsync(new Mapper.Console.Actions.Actor("otto", Mapper.Console.Actions.Door.Runbook), "kill-switch", null, Xunit.TestContext.Current.CancellationToken);

        var cut = Panel("recent-changes");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=change-row]")));
        Assert.Contains("users.add", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("runbooks.run_start", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoldenRun_RunClicked_ShowsProgressThenTheReportWithGates()
    {
        var cut = Panel("golden-run");

        cut.Find("[data-testid=golden-run-start]").Click();

        var runs = _page.Factory.Services.GetRequiredService<GoldenRuns>();
        Assert.False(runs.TryStart("someone else"));
        cut.Render();
        Assert.NotNull(cut.Find("[data-testid=golden-run-progress]"));

        // The panel re-renders on samples; here the test polls the run itself, with a deadline.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (runs.Current.Running)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"the golden run did {runs.Current.Done} of {runs.Current.Total} cases in 3 minutes");
            await Task.Delay(50, Xunit.TestContext.Current.CancellationToken);
        }

        cut.Render();
        var state = runs.Current;
        Assert.Null(state.Error);
        Assert.Equal(state.Total, state.Done);
        Assert.True(state.Total > 1000, $"{state.Total} cases");
        Assert.Equal("otto", state.StartedBy);
        Assert.Contains($"{state.Report!.Total:N0} cases in hybrid mode", cut.Find("[data-testid=golden-run-summary]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=gate-taxonomy_f1_percent]"));
    }

    [Fact]
    public void Host_UnknownPanel_SaysSoInsteadOfFailing()
    {
        Assert.Contains("'no-such-panel'", Panel("no-such-panel").Find("[data-testid=panel-unknown]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_PanelTakingTheCascadedSample_GetsNoSampleParameter()
    {
        var sample = _page.Sample();

        Assert.Empty(RunbookPanelCatalog.Parameters(typeof(CascadedSamplePanel), sample));
        Assert.Same(sample, RunbookPanelCatalog.Parameters(typeof(GaugesPanel), sample)["Sample"]);
    }

    [Fact]
    public void GoldenRun_Viewer_CannotStartIt()
    {
        var cut = Panel("golden-run", new ConsoleUser("vera", ConsoleRole.Viewer));

        Assert.True(cut.Find("[data-testid=golden-run-start]").HasAttribute("disabled"));
        Assert.False(_page.Factory.Services.GetRequiredService<GoldenRuns>().Current.Running);
    }

    [Fact]
    public void Queue_CacheLookups_ShowTheShareAnsweredWithoutQueueing()
    {
        var sample = _page.Sample();
        Assert.Contains("no hybrid requests yet", Queue(sample).Find("[data-testid=queue-cached]").TextContent, StringComparison.Ordinal);

        var cached = sample with { Model = sample.Model with { CacheLookups = (3, 1) } };

        Assert.Contains("75.0% of 4 hybrid requests", Queue(cached).Find("[data-testid=queue-cached]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<QueuePanel> Queue(Mapper.Console.Monitoring.EngineSample sample) =>
        _page.Bunit.Render<QueuePanel>(p => p.Add(x => x.Sample, sample));

    /// <summary>A panel as a runbook step embeds it: by name, through the catalog, with the cascaded sample.</summary>
    private IRenderedComponent<RunbookPanelHost> Panel(string name, ConsoleUser? user = null) =>
        _page.Bunit.Render<RunbookPanelHost>(p => p
            .Add(x => x.Panel, new Mapper.Console.Runbooks.PanelLink(name, name))
            .AddCascadingValue(_page.Sample())
            .AddCascadingValue(user ?? Otto)
            .AddCascadingValue(BrowserZone.Utc));

    /// <summary>A panel like the alerts feature's, which takes the sample as a cascading value.</summary>
    private sealed class CascadedSamplePanel : Microsoft.AspNetCore.Components.ComponentBase
    {
        [Microsoft.AspNetCore.Components.CascadingParameter]
        private Mapper.Console.Monitoring.EngineSample? Sample { get; set; }
    }
}
