using Bunit;
using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using AdaptersPage = Mapper.Console.Components.Pages.Adapters;

namespace Mapper.Console.Tests.Components.Pages;

public sealed class AdaptersPageTests
{
    private static readonly TimeSpan Gate = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_ModelPathOff_SaysSoInsteadOfAnEmptyTable()
    {
        await using var factory = new MapperFactory();
        await using var page = PageContext.For(factory);

        var cut = page.Render<AdaptersPage>(await page.UserAsync("admin", ConsoleRole.Admin));

        cut.WaitForAssertion(() => Assert.Contains("Model:Enabled=false", cut.Find("[data-testid=adapters-off]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=adapter-versions]"));
    }

    [Fact]
    public async Task Render_AfterBootstrap_ListsTheVersionWithItsManifestMetricsAndTheActivation()
    {
        await using var factory = new MapperFactory(SmallModel.Settings());
        var registry = await PageContext.ModelReadyAsync(factory);
        var manifest = registry.ActiveManifest!;
        await using var page = PageContext.For(factory);

        var cut = page.Render<AdaptersPage>(await page.UserAsync("admin", ConsoleRole.Admin));

        var row = cut.WaitForElement("[data-testid='adapter-row-1.0.0']");
        Assert.Contains("mapper-baseline@1.0.0", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("live", row.QuerySelector("[data-testid=adapter-live]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(manifest.Metrics.ExpectedCalibrationError.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), row.TextContent, StringComparison.Ordinal);
        Assert.Contains(manifest.TrainingRows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), row.TextContent, StringComparison.Ordinal);
        Assert.Contains(manifest.FeaturizerId, row.TextContent, StringComparison.Ordinal);
        var history = cut.Find("[data-testid=adapter-history]");
        Assert.Contains("bootstrap", history.TextContent, StringComparison.Ordinal);
        Assert.Contains("none → mapper-baseline@1.0.0", history.TextContent, StringComparison.Ordinal);
        Assert.Contains("serving", cut.Find("[data-testid=adapter-history-1]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid='adapter-activate-1.0.0']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_AsOperator_AdminActionsDisabledWithTheReason()
    {
        await using var factory = new MapperFactory(SmallModel.Settings());
        await PageContext.ModelReadyAsync(factory);
        await TrainAsync(factory);
        await using var page = PageContext.For(factory);

        var cut = page.Render<AdaptersPage>(await page.UserAsync("olga", ConsoleRole.Operator));

        var activate = cut.WaitForElement("[data-testid='adapter-activate-1.0.1']");
        Assert.True(activate.HasAttribute("disabled"));
        Assert.Contains("takes the admin role (you are operator)", activate.GetAttribute("title"), StringComparison.Ordinal);
        var train = cut.Find("[data-testid=training-start]");
        Assert.True(train.HasAttribute("disabled"));
        Assert.Contains("takes the admin role", train.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("takes the admin role", cut.Find("[data-testid=adapters-readonly]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_VersionThatBreaksASavedRegressionCase_ShowsTheGatesVerdictAndTheLiveOneKeepsServing()
    {
        await using var factory = new MapperFactory(SmallModel.Settings());
        var registry = await PageContext.ModelReadyAsync(factory);
        await TrainAsync(factory);
        var saved = await factory.Executor().RunAsync(Actor.System, new SaveRegressionCase("presidio", "EMAIL_ADDRESS", ["PII.Identifier.SSN"], "deliberately wrong"), Ct);
        Assert.True(saved.Succeeded, saved.Message);
        await using var page = PageContext.For(factory);
        var cut = page.Render<AdaptersPage>(await page.UserAsync("admin", ConsoleRole.Admin));

        cut.WaitForElement("[data-testid='adapter-activate-1.0.1']").Click();
        page.Confirm("try the retrained one");

        cut.WaitForAssertion(() => Assert.Contains("Refused by the gate", cut.Find("[data-testid=adapter-verdict]").TextContent, StringComparison.Ordinal), Gate);
        var verdict = cut.Find("[data-testid=adapter-verdict]").TextContent;
        Assert.Contains("regression case presidio/EMAIL_ADDRESS → predicted PII.Contact.Email", verdict, StringComparison.Ordinal);
        Assert.Contains("expected PII.Identifier.SSN", verdict, StringComparison.Ordinal);
        Assert.Contains("mapper-baseline@1.0.0 keep serving", verdict, StringComparison.Ordinal);
        Assert.Equal("mapper-baseline@1.0.0", registry.ActiveModel);
        Assert.Equal("mapper-baseline@1.0.0", factory.Services.GetRequiredService<LiveRecord>().Current.Controls.ActiveAdapter);
        Assert.Contains("Live: mapper-baseline@1.0.0 (revision 1)", cut.Find("[data-testid=adapters-live]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=adapter-history] tbody tr"));
    }

    [Fact]
    public async Task CompareActivateRollBack_TwoVersions_DiffStaleThenReappliedThenNewRevisionsInTheHistory()
    {
        await using var factory = new MapperFactory(SmallModel.Settings());
        var registry = await PageContext.ModelReadyAsync(factory);
        var trained = await TrainAsync(factory);
        await using var page = PageContext.For(factory);
        var cut = page.Render<AdaptersPage>(await page.UserAsync("admin", ConsoleRole.Admin));

        cut.WaitForElement("[data-testid='adapter-compare-1.0.1']").Click();
        var diff = cut.WaitForElement("[data-testid=adapter-diff]");
        Assert.Contains("Live mapper-baseline@1.0.0 against mapper-baseline@1.0.1", diff.TextContent, StringComparison.Ordinal);
        // Training is deterministic: the same data and seed give the same metrics, so the change column says so.
        var calibration = diff.QuerySelector("[data-testid=diff-calibration-accuracy]")!.TextContent;
        Assert.Contains(registry.ActiveManifest!.Metrics.CalibrationAccuracy.ToString("P1", System.Globalization.CultureInfo.InvariantCulture), calibration, StringComparison.Ordinal);
        Assert.Contains("same", calibration, StringComparison.Ordinal);
        Assert.Contains("none", diff.QuerySelector("[data-testid=diff-parent]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1.0.0", diff.QuerySelector("[data-testid=diff-parent]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("the 50 labels of taxonomy", diff.QuerySelector("[data-testid=diff-labels]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(trained, diff.QuerySelector("[data-testid=diff-size-bytes]")!.TextContent.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // Someone changes a control after the page loaded: the activation is refused as stale, then re-applied.
        var changed = await factory.Executor().RunAsync(new Actor("admin", Door.Api), new SetThreshold(null, 0.7) { Reason = "meanwhile" }, Ct);
        Assert.True(changed.Succeeded, changed.Message);
        cut.Find("[data-testid='adapter-activate-1.0.1']").Click();
        page.Confirm("newer data");
        cut.WaitForAssertion(() => Assert.Contains("changed by admin", cut.Find("[data-testid=stale-message]").TextContent, StringComparison.Ordinal), Gate);
        Assert.Contains("Live now: mapper-baseline@1.0.0", cut.Find("[data-testid=stale-message]").TextContent, StringComparison.Ordinal);
        Assert.Equal("mapper-baseline@1.0.0", registry.ActiveModel);

        cut.Find("[data-testid='adapter-activate-1.0.1']").Click();
        page.Confirm("newer data");
        cut.WaitForAssertion(() => Assert.Contains("Done.", cut.Find("[data-testid=adapter-verdict]").TextContent, StringComparison.Ordinal), Gate);
        Assert.Equal("mapper-baseline@1.0.1", registry.ActiveModel);

        cut.WaitForElement("[data-testid='adapter-rollback-1.0.0']").Click();
        page.Confirm("1.0.1 misbehaves");
        cut.WaitForAssertion(() => Assert.Contains("(rollback)", cut.Find("[data-testid=adapter-verdict]").TextContent, StringComparison.Ordinal), Gate);

        Assert.Equal("mapper-baseline@1.0.0", registry.ActiveModel);
        var history = cut.Find("[data-testid=adapter-history]").TextContent;
        Assert.Contains("mapper-baseline@1.0.0 → mapper-baseline@1.0.1", history, StringComparison.Ordinal);
        Assert.Contains("mapper-baseline@1.0.1 → mapper-baseline@1.0.0", history, StringComparison.Ordinal);
        Assert.Contains("1.0.1 misbehaves", cut.Find("[data-testid=adapter-history-3]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_LongRun_ShowsProgressFromEachSampleAndCancelStopsIt()
    {
        var kept = Directory.CreateTempSubdirectory("mapper-training-page-").FullName;
        try
        {
            await using (var first = new MapperFactory(SmallModel.Settings(kept)))
            {
                await PageContext.ModelReadyAsync(first);
            }

            // The same store, now with many epochs: the baseline is restored from disk, and a new run takes minutes.
            await using var factory = new MapperFactory(SmallModel.Settings(kept, epochs: 2000));
            await PageContext.ModelReadyAsync(factory);
            await using var page = PageContext.For(factory);
            var cut = page.Render<AdaptersPage>(await page.UserAsync("admin", ConsoleRole.Admin));

            cut.WaitForElement("[data-testid=training-start]").Click();
            page.Confirm("retrain on the current data");

            cut.WaitForAssertion(() => Assert.Contains("epoch", cut.Find("[data-testid=training-panel]").TextContent, StringComparison.Ordinal), Gate);
            Assert.NotEmpty(cut.FindAll("[data-testid=training-progress]"));
            var percent = cut.Find("[data-testid=training-percent]").TextContent;
            cut.WaitForAssertion(() => Assert.NotEqual(percent, cut.Find("[data-testid=training-percent]").TextContent), Gate);

            cut.Find("[data-testid=training-cancel]").Click();

            cut.WaitForAssertion(() => Assert.Contains("cancelled", cut.Find("[data-testid=training-last]").TextContent, StringComparison.Ordinal), Gate);
            Assert.Empty(cut.FindAll("[data-testid=training-progress]"));
            Assert.Empty(cut.FindAll("[data-testid='adapter-row-1.0.1']"));
        }
        finally
        {
            Directory.Delete(kept, recursive: true);
        }
    }

    /// <summary>Trains the next version through the executor and waits for it; returns its size in bytes as text.</summary>
    private static async Task<string> TrainAsync(MapperFactory factory)
    {
        var started = await factory.Executor().RunAsync(Actor.System, new StartTraining(), Ct);
        Assert.True(started.Succeeded, started.Message);
        var jobs = factory.Services.GetRequiredService<TrainingJobs>();
        await jobs.WhenIdleAsync();
        Assert.Equal(TrainingState.Succeeded, jobs.Current!.State);
        var manifest = factory.Services.GetRequiredService<Mapper.Engine.Model.Adapters.AdapterStore>().Find("mapper-baseline", jobs.Current.Version!)!;
        return manifest.ModelSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
