using Mapper.Console.Actions;
using Mapper.Console.Drills;
using Mapper.Console.Runbooks.ActionLinks;
using Mapper.Console.Tests.Support;
using Mapper.Engine.Controls;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Runbooks;

/// <summary>What each action link proposes from what is live and the link's arguments, and that its command does it.</summary>
public sealed class RunbookActionLinksTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly MapperFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Services;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private RuntimeControls Controls => _factory.Services.GetRequiredService<RuntimeControlsStore>().Current;

    [Fact]
    public async Task SetBatchLimits_LinkArguments_ProposeTheChangeFromWhatIsLive()
    {
        var proposal = await ProposeAsync("set-batch-limits", new() { ["size"] = "16", ["wait_ms"] = "5" });

        Assert.Null(proposal.Problem);
        Assert.Equal(new ActionChange("batch limits", "max 64, wait 0 ms", "max 16, wait 5 ms"), Assert.Single(proposal.Changes));
        await RunAsync(proposal);
        Assert.Equal((16, TimeSpan.FromMilliseconds(5)), (Controls.MaxBatchSize, Controls.MaxBatchWait));
    }

    [Theory]
    [InlineData("size", "sixteen", "max batch size")]
    [InlineData("size", "2000", "max batch size")]
    [InlineData("wait_ms", "-1", "max batch wait")]
    public async Task SetBatchLimits_BadValue_IsAProblemNamingTheField(string key, string value, string field)
    {
        var values = new Dictionary<string, string> { ["size"] = "16", ["wait_ms"] = "0", [key] = value };

        var proposal = await ProposeAsync("set-batch-limits", values);

        Assert.StartsWith(field, proposal.Problem, StringComparison.Ordinal);
        Assert.Null(proposal.Command);
    }

    [Fact]
    public async Task SetThreshold_DetectorArgument_ResolvesTheDetectorAndShowsWhatIsLive()
    {
        var proposal = await ProposeAsync("set-threshold", new() { ["detector"] = "Presidio", ["value"] = "0.5" });

        Assert.Equal("Set the threshold for presidio", proposal.Title);
        Assert.Equal(new ActionChange("threshold for presidio", "global (0.6)", "0.5"), proposal.Changes[0]);
        Assert.Contains("for presidio", proposal.Hint, StringComparison.Ordinal);
        await RunAsync(proposal);
        Assert.Equal(0.5, Controls.DetectorThresholds["presidio"]);

        var clear = await ProposeAsync("clear-threshold", new() { ["detector"] = "presidio" });
        Assert.Equal(new ActionChange("threshold for presidio", "0.5", "global (0.6)"), Assert.Single(clear.Changes));
    }

    [Fact]
    public async Task ClearThreshold_DetectorWithoutItsOwn_SaysSo()
    {
        var proposal = await ProposeAsync("clear-threshold", new() { ["detector"] = "presidio" });

        Assert.Equal("presidio has no threshold of its own: it follows the global threshold (0.6)", proposal.Problem);
    }

    [Fact]
    public async Task RestoreControls_BeforeARecentChange_ShowsWhatWasLiveThenAndRestoresIt()
    {
        await RunAsync(await ProposeAsync("set-threshold", new() { ["value"] = "0.8" }));
        var fields = await Registry.Find("restore-controls")!.FieldsAsync(new Dictionary<string, string>(), Ct);
        var before = fields.Single().Choices[0];
        Assert.StartsWith("before #", before.Text, StringComparison.Ordinal);

        var proposal = await ProposeAsync("restore-controls", new() { ["at"] = before.Value });

        Assert.Equal(new ActionChange("global threshold", "0.8", "0.6"), Assert.Single(proposal.Changes));
        Assert.Contains("store.initialize", proposal.Hint, StringComparison.Ordinal);
        await RunAsync(proposal);
        Assert.Equal(0.6, Controls.GlobalThreshold);
    }

    [Fact]
    public async Task KillSwitchOn_OffersAutoRevertAndThenIsAlreadyOn()
    {
        var on = await ProposeAsync("kill-switch-on", []);
        Assert.True(on.OfferRevert);

        var outcome = await _factory.Executor().RunAsync(Actor.System, on.Command!("test", TimeSpan.FromMinutes(30)), Ct);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(MappingMode.RulesOnly, Controls.Mode);
        Assert.StartsWith("the kill switch is already on", (await ProposeAsync("kill-switch-on", [])).Problem, StringComparison.Ordinal);
        Assert.Contains("auto-revert", (await ProposeAsync("kill-switch-off", [])).Changes[0].From, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartDrill_LinkKind_DefaultsToLongEnoughForTheAlertAndStopEndsIt()
    {
        var fields = await Registry.Find("start-drill")!.FieldsAsync(new Dictionary<string, string> { ["kind"] = "latency" }, Ct);
        Assert.Equal("20", fields.Single(f => f.Key == "minutes").Value);
        Assert.Equal("no drill is running", (await ProposeAsync("stop-drill", [])).Problem);

        await RunAsync(await ProposeAsync("start-drill", new() { ["kind"] = "latency", ["minutes"] = "20" }));

        Assert.Equal("latency", _factory.Services.GetRequiredService<DrillControl>().Current?.Kind);
        Assert.StartsWith("a latency drill runs until", (await ProposeAsync("start-drill", new() { ["kind"] = "http-5xx", ["minutes"] = "10" })).Problem, StringComparison.Ordinal);
        await RunAsync(await ProposeAsync("stop-drill", []));
        Assert.Null(_factory.Services.GetRequiredService<DrillControl>().Current);
    }

    [Theory]
    [InlineData("rollback-adapter")]
    [InlineData("activate-adapter")]
    public async Task AdapterActions_ModelPathOff_SayWhy(string name)
    {
        var proposal = await ProposeAsync(name, []);

        Assert.StartsWith("the model path is off (Model:Enabled=false)", proposal.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenIncident_NoneOpen_OpensOneLinkedToTheAlertThenOffersToLinkInsteadOfASecond()
    {
        var proposal = await ProposeAsync("open-incident", new() { ["alert"] = "Mapper5xxHigh", ["severity"] = "critical" });

        Assert.Null(proposal.Problem);
        Assert.Equal(new ActionChange("incident", "none open", "Mapper5xxHigh firing (critical), linked to Mapper5xxHigh"), Assert.Single(proposal.Changes));
        var outcome = await RunAsync(proposal);
        var second = await ProposeAsync("open-incident", new() { ["alert"] = "MapperFallbackHigh", ["severity"] = "warning" });
        var same = await ProposeAsync("open-incident", new() { ["alert"] = "Mapper5xxHigh", ["severity"] = "critical" });

        Assert.Equal($"Link MapperFallbackHigh to incident #{outcome.Created}", second.Title);
        Assert.StartsWith($"incident #{outcome.Created} (Mapper5xxHigh firing) is open already", same.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageSecondary_WithAnOpenIncident_PagesForIt()
    {
        var opened = await _factory.Executor().RunAsync(new Actor("admin", Door.Page), new OpenIncident("5xx storm", "critical"), Ct);

        var proposal = await ProposeAsync("page-secondary", []);

        Assert.Null(proposal.Problem);
        Assert.Equal($"paged for incident #{opened.Created}: 5xx storm", Assert.Single(proposal.Changes).To);
        Assert.True((await RunAsync(proposal)).Succeeded);
    }

    private RunbookActionRegistry Registry => _factory.Services.GetRequiredService<RunbookActionRegistry>();

    private Task<ActionProposal> ProposeAsync(string name, Dictionary<string, string> values) => Registry.Find(name)!.ProposeAsync(values, Ct);

    private async Task<ActionOutcome> RunAsync(ActionProposal proposal)
    {
        Assert.Null(proposal.Problem);
        var outcome = await _factory.Executor().RunAsync(new Actor("admin", Door.Runbook), proposal.Command!("a test of the runbook actions", null), Ct);
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome;
    }
}
