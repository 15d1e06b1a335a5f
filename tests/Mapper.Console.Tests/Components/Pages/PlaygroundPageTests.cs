using System.Text.Json.Nodes;
using Bunit;
using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Incidents;
using Mapper.Console.Store;
using Mapper.Console.Tests.Support;
using Mapper.Engine.Controls;
using Mapper.Engine.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlaygroundPage = Mapper.Console.Components.Pages.Playground;

namespace Mapper.Console.Tests.Components.Pages;

/// <summary>The playground on the real pipeline, with a model at the edge that always says PII.Contact.Email at 0.41.</summary>
public sealed class PlaygroundPageTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static MapperFactory Factory() => new(model: new FixedScorer("PII.Contact.Email", 0.41));

    [Fact]
    public async Task Run_ModelBelowThreshold_ShowsRulesPathTheModelsOwnAnswerAndTheThresholdWithoutCountingInSlis()
    {
        await using var factory = Factory();
        await using var page = PageContext.For(factory);
        var cut = page.Render<PlaygroundPage>(await page.UserAsync("olga", ConsoleRole.Operator));
        var telemetry = factory.Services.GetRequiredService<MapperTelemetry>();
        var requestsBefore = telemetry.Snapshot().Requests;

        Run(cut, "presidio", "US_SSN");

        var path = cut.WaitForElement("[data-testid=playground-path]").TextContent;
        Assert.Contains("rules", path, StringComparison.Ordinal);
        Assert.Contains("fallback: low_confidence", path, StringComparison.Ordinal);
        Assert.Contains("PII.Contact.Email at 0.410 (not used)", cut.Find("[data-testid=playground-model]").TextContent, StringComparison.Ordinal);
        Assert.Contains("0.600", cut.Find("[data-testid=playground-threshold]").TextContent, StringComparison.Ordinal);
        Assert.Contains("exact", cut.Find("[data-testid=playground-tier]").TextContent, StringComparison.Ordinal);
        Assert.Contains("model ", cut.Find("[data-testid=playground-timings]").TextContent, StringComparison.Ordinal);
        var shown = JsonNode.Parse(cut.Find("[data-testid=playground-result]").TextContent)!;
        Assert.Equal(requestsBefore, telemetry.Snapshot().Requests);

        // The same input through POST /map gives the same event (but for its timestamp).
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/map", """{"detector":"presidio","output":"US_SSN"}""");
        var api = await response.JsonAsync();
        shown["provenance"]!.AsObject().Remove("ts");
        api["provenance"]!.AsObject().Remove("ts");
        Assert.Equal(api.ToJsonString(), shown.ToJsonString());
        Assert.Equal(requestsBefore + 1, telemetry.Snapshot().Requests);

        var row = await LastAuditRowAsync(factory);
        Assert.Equal("playground.run", row.Action);
        Assert.Equal("playground:presidio", row.Target);
        Assert.Equal("olga", row.Actor);
        var confidence = shown["confidence"]!.GetValue<double>().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"rules (low_confidence): PII.Identifier.SSN at {confidence}; model said PII.Contact.Email at 0.41; threshold 0.60", row.NewValue);
        AssertNoOutput(row, "US_SSN");
    }

    [Fact]
    public async Task Run_Overrides_RulesOnlySaysKillSwitchAndALowerThresholdLetsTheModelAnswerWhileNothingLiveChanges()
    {
        await using var factory = Factory();
        await using var page = PageContext.For(factory);
        var cut = page.Render<PlaygroundPage>(await page.UserAsync("olga", ConsoleRole.Operator));
        var controls = factory.Services.GetRequiredService<RuntimeControlsStore>();
        var live = controls.Current;

        cut.Find("[data-testid=playground-threshold-override]").Input("0.3");
        Run(cut, "presidio", "US_SSN");
        cut.WaitForAssertion(() => Assert.StartsWith("model", cut.Find("[data-testid=playground-path]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Contains("0.300 (override for this run; live 0.600)", cut.Find("[data-testid=playground-threshold]").TextContent, StringComparison.Ordinal);
        Assert.Contains("PII.Contact.Email", JsonNode.Parse(cut.Find("[data-testid=playground-result]").TextContent)!["taxonomy"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        cut.Find("[data-testid=playground-rules-only]").Change(true);
        cut.Find("[data-testid=playground-form]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("fallback: kill_switch", cut.Find("[data-testid=playground-path]").TextContent, StringComparison.Ordinal));
        Assert.Contains("not asked: rules only", cut.Find("[data-testid=playground-model]").TextContent, StringComparison.Ordinal);
        Assert.Contains("rules only, threshold 0.30", cut.Find("[data-testid=playground-overrides]").TextContent, StringComparison.Ordinal);

        Assert.Equal(live, controls.Current);
        Assert.Equal(MappingMode.Hybrid, controls.Current.Mode);
        Assert.Equal("overrides: rules only, threshold 0.30", (await LastAuditRowAsync(factory)).Detail);
    }

    [Fact]
    public async Task Run_RawContentOrBadMetadata_RefusedWithTheApisMessageAndNothingAudited()
    {
        await using var factory = Factory();
        await using var page = PageContext.For(factory);
        var cut = page.Render<PlaygroundPage>(await page.UserAsync("olga", ConsoleRole.Operator));
        var rowsBefore = (await LastAuditRowAsync(factory)).Id;

        Run(cut, "presidio", string.Join(' ', Enumerable.Repeat("word", 500)));
        cut.WaitForAssertion(() => Assert.Contains("raw_content: output: a string of 2499 characters looks like raw content", cut.Find("[data-testid=playground-problem]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=playground-metadata]").Input("{\"aggregation_method\": ");
        Run(cut, "presidio", "US_SSN");
        cut.WaitForAssertion(() => Assert.Contains("metadata: not valid JSON", cut.Find("[data-testid=playground-problem]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=playground-metadata]").Input("{\"aggregation_method\": \"loudest\"}");
        cut.Find("[data-testid=playground-tenant]").Input("t1");
        cut.Find("[data-testid=playground-form]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("metadata.aggregation_method: must be one of", cut.Find("[data-testid=playground-problem]").TextContent, StringComparison.Ordinal));

        Assert.Empty(cut.FindAll("[data-testid=playground-answer]"));
        Assert.Equal(rowsBefore, (await LastAuditRowAsync(factory)).Id);
    }

    [Fact]
    public async Task Render_AsViewer_ReadOnlyWithTheReasonAndTheServerRefusesTheRunToo()
    {
        await using var factory = Factory();
        await using var page = PageContext.For(factory);
        var viewer = await page.UserAsync("vic", ConsoleRole.Viewer);

        var cut = page.Render<PlaygroundPage>(viewer);

        Assert.Contains("takes the operator role (you are viewer)", cut.Find("[data-testid=playground-readonly]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=playground-run]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=playground-output]").HasAttribute("disabled"));
        var service = factory.Services.GetRequiredService<Mapper.Console.Playground.PlaygroundService>();
        var answer = await service.RunAsync(viewer, new("presidio", "US_SSN"), Mapper.Console.Playground.PlaygroundOverrides.None, Ct);
        Assert.Null(answer.Run);
        Assert.Contains("it takes the operator role", answer.Problem, StringComparison.Ordinal);
        Assert.Equal("denied", (await LastAuditRowAsync(factory)).Result);
    }

    [Fact]
    public async Task SaveCase_FromARun_ListedExportedAsGoldenCasesAndDeletedWithAReason()
    {
        await using var factory = Factory();
        await using var page = PageContext.For(factory);
        var cut = page.Render<PlaygroundPage>(await page.UserAsync("olga", ConsoleRole.Operator));
        Assert.NotNull(cut.Find("[data-testid=regression-cases-empty]"));
        Run(cut, "presidio", "US_SSN");

        cut.WaitForElement("[data-testid=playground-save-case]").Click();
        var labels = page.Dialogs.WaitForElement("[data-testid=save-case-labels]");
        Assert.Equal("PII.Identifier.SSN", labels.GetAttribute("value"));
        Assert.Contains("The live model answers PII.Contact.Email", page.Dialogs.Find("[data-testid=save-case-model-differs]").TextContent, StringComparison.Ordinal);
        page.Dialogs.Find("[data-testid=save-case-description]").Input("an SSN stays an SSN");
        page.Dialogs.Find("[data-testid=save-case-confirm]").Click();

        var row = cut.WaitForElement("[data-testid=regression-case-1]").TextContent;
        Assert.Contains("US_SSN", row, StringComparison.Ordinal);
        Assert.Contains("PII.Identifier.SSN", row, StringComparison.Ordinal);
        var saved = await LastAuditRowAsync(factory);
        Assert.Equal("regression_cases.save", saved.Action);
        Assert.Equal("case 1: presidio → PII.Identifier.SSN", saved.NewValue);
        AssertNoOutput(saved, "US_SSN");

        cut.Find("[data-testid=regression-cases-export]").Click();
        cut.WaitForAssertion(() => Assert.Single(page.Bunit.JSInterop.Invocations, i => i.Identifier == "mapperConsole.download"));
        var download = page.Bunit.JSInterop.Invocations.Single(i => i.Identifier == "mapperConsole.download");
        Assert.Equal("mapper-regression-cases.json", download.Arguments[0]);
        var file = Mapper.Engine.Quality.GoldenCaseLoader.Parse((string)download.Arguments[2]!, "export", Taxonomy(factory));
        var golden = Assert.Single(file.Cases);
        Assert.Equal(("presidio", "US_SSN"), (golden.Detector, golden.InputOutput));
        Assert.Equal(["PII.Identifier.SSN"], golden.ExpectedTaxonomy);
        Assert.Equal("regression case 1: an SSN stays an SSN", golden.Description);

        cut.Find("[data-testid=regression-case-delete-1]").Click();
        page.Confirm("the detector was retired");
        cut.WaitForElement("[data-testid=regression-cases-empty]");
        var deleted = await LastAuditRowAsync(factory);
        Assert.Equal(("regression_cases.delete", "the detector was retired"), (deleted.Action, deleted.Reason));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal("", (await db.RegressionCases.SingleAsync(Ct)).Output);
    }

    [Fact]
    public async Task PinToIncident_AnOpenIncident_TheRunShowsOnItsTimelineAsMetadataOnly()
    {
        await using var factory = Factory();
        await using var page = PageContext.For(factory);
        var olga = await page.UserAsync("olga", ConsoleRole.Operator);
        var opened = await factory.Executor().RunAsync(new Actor("olga", Door.Page), new OpenIncident("fallback climbing", "warning") { Reason = "on-call" }, Ct);
        Assert.True(opened.Succeeded, opened.Message);
        var incident = long.Parse(opened.Created!, System.Globalization.CultureInfo.InvariantCulture);
        var cut = page.Render<PlaygroundPage>(olga);
        Run(cut, "presidio", "US_SSN");

        cut.WaitForElement("[data-testid=playground-pin]").QuerySelector("button")!.Click();
        page.Popovers.WaitForElement($"[data-testid=playground-pin-{incident}]").Click();

        cut.WaitForAssertion(() => Assert.Contains($"#{incident}", cut.Find("[data-testid=playground-pinned]").TextContent, StringComparison.Ordinal));
        var pinned = await LastAuditRowAsync(factory);
        Assert.Equal(("incidents.pin", "olga", "applied"), (pinned.Action, pinned.Actor, pinned.Result));
        AssertNoOutput(pinned, "US_SSN");
        var view = await factory.Services.GetRequiredService<IncidentsService>().TimelineAsync(incident, Ct);
        var pin = Assert.Single(view!.Events, e => e.Kind == TimelineKind.Pin);
        Assert.StartsWith("playground:presidio run by olga at ", pin.Detail, StringComparison.Ordinal);
        Assert.Contains("PII.Identifier.SSN", pin.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("US_SSN", pin.Title + pin.Detail, StringComparison.Ordinal);
    }

    private static void Run(IRenderedComponent<PageHost> cut, string detector, string output)
    {
        cut.Find("[data-testid=playground-detector]").Input(detector);
        cut.Find("[data-testid=playground-output]").Input(output);
        cut.Find("[data-testid=playground-form]").Submit();
    }

    private static Mapper.Engine.Taxonomy.CanonicalTaxonomy Taxonomy(MapperFactory factory) =>
        factory.Services.GetRequiredService<Mapper.Engine.Data.EngineDataProvider>().Current.Data.Taxonomy;

    private static async Task<AuditEntry> LastAuditRowAsync(MapperFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Ct);
        return await db.Audit.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync(Ct);
    }

    private static void AssertNoOutput(AuditEntry row, string output)
    {
        foreach (var field in new[] { row.Target, row.OldValue, row.NewValue, row.Detail, row.Reason, row.Live })
        {
            Assert.DoesNotContain(output, field ?? "", StringComparison.Ordinal);
        }
    }
}
