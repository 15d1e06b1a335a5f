using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Runbooks;
using Mapper.Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Runbooks;

/// <summary>Runs and step checks through the real executor: audit rows only, refused when they name the wrong thing.</summary>
public sealed class RunbookRunActionsTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly Actor Otto = new("otto", Door.Runbook);
    private readonly string _directory = Directory.CreateTempSubdirectory("mapper-runbook-runs-").FullName;
    private MapperFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "kill-switch.md"), "# Kill switch\n\n## Mitigate\n\n- [ ] Turn it on.\n- [ ] Watch the gauges.\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(_directory, "drills.md"), "# Drills\n\n## Mitigate\n\n- [ ] Turn it on.\n", Ct);
        _factory = new MapperFactory(new Dictionary<string, string?> { ["Runbooks:Directory"] = _directory });
        _ = _factory.Services;
        await _factory.AddUserAsync("otto", ConsoleRole.Operator);
        await _factory.AddUserAsync("vera", ConsoleRole.Viewer);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private RunbookRuns Runs => _factory.Services.GetRequiredService<RunbookRuns>();

    private RunbookDocument KillSwitch => _factory.Services.GetRequiredService<RunbookLibrary>().Find("kill-switch")!;

    [Fact]
    public async Task CheckAsync_WhileAnIncidentIsOpen_TheRunBelongsToItAndTheCheckShowsOnItsTimeline()
    {
        var opened = await _factory.Executor().RunAsync(new Actor("admin", Door.Page), new OpenIncident("schema-valid low", "warning"), Ct);
        var incident = long.Parse(opened.Created!, System.Globalization.CultureInfo.InvariantCulture);
        var before = await Runs.CurrentAsync("kill-switch", Ct);

        await Runs.CheckAsync(Otto, "kill-switch", before.Run?.Id, before.Incident?.Id, KillSwitch.Steps.First(), true, Ct);
        var after = await Runs.CurrentAsync("kill-switch", Ct);
        var timeline = await _factory.Services.GetRequiredService<Mapper.Console.Incidents.IncidentsService>().TimelineAsync(incident, Ct);

        Assert.Equal(incident, before.Incident!.Id);
        Assert.Null(before.Run);
        Assert.Equal(incident, after.Incident!.Id);
        Assert.True(after.Checks[KillSwitch.Steps.First().Id].Checked);
        Assert.Contains(timeline!.Events, e => e.Kind == Mapper.Console.Incidents.TimelineKind.Runbook && e.Actor!.StartsWith("otto", StringComparison.Ordinal) && e.Detail!.Contains("Turn it on", StringComparison.Ordinal));
        Assert.Contains(timeline.Events, e => e.Detail == $"run of 'Kill switch' for incident #{incident} (2 steps)");
    }

    [Fact]
    public async Task CheckAsync_NoRunYet_StartsOneAndRecordsTheCheckOnIt()
    {
        var step = KillSwitch.Steps.First();

        var outcome = await Runs.CheckAsync(Otto, "kill-switch", null, null, step, true, Ct);

        Assert.True(outcome.Succeeded, outcome.Message);
        var state = await Runs.CurrentAsync("kill-switch", Ct);
        Assert.Equal("otto", state.Run!.StartedBy);
        var check = Assert.Single(state.Checks.Values);
        Assert.Equal((step.Id, true, "otto", outcome.AuditId!.Value), (check.StepId, check.Checked, check.Actor, check.AuditId));
    }

    [Fact]
    public async Task CheckAsync_CheckedThenUnchecked_NewestRowIsTheState()
    {
        var step = KillSwitch.Steps.First();
        await Runs.CheckAsync(Otto, "kill-switch", null, null, step, true, Ct);
        var run = (await Runs.CurrentAsync("kill-switch", Ct)).Run!.Id;

        var uncheck = await Runs.CheckAsync(new Actor("admin", Door.Runbook), "kill-switch", run, null, step, false, Ct);

        Assert.True(uncheck.Succeeded, uncheck.Message);
        var check = (await Runs.CurrentAsync("kill-switch", Ct)).Checks[step.Id];
        Assert.Equal((false, "admin"), (check.Checked, check.Actor));
    }

    [Fact]
    public async Task CheckAsync_AlreadyChecked_IsRefusedNamingWhoChecked()
    {
        var step = KillSwitch.Steps.First();
        await Runs.CheckAsync(Otto, "kill-switch", null, null, step, true, Ct);
        var run = (await Runs.CurrentAsync("kill-switch", Ct)).Run!.Id;

        var again = await Runs.CheckAsync(Otto, "kill-switch", run, null, step, true, Ct);

        Assert.Equal(ActionStatus.Invalid, again.Status);
        Assert.Contains("already checked by otto", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executor_CheckNamesAnotherRunbooksRunOrAnUnknownStep_IsRefused()
    {
        var drillRun = (await Runs.StartAsync(Otto, "drills", null, Ct)).AuditId!.Value;
        var step = KillSwitch.Steps.First();
        var executor = _factory.Executor();

        var wrongRun = await executor.RunAsync(Otto, new CheckRunbookStep(drillRun, "kill-switch", step.Id, step.Text, true), Ct);
        var unknownStep = await executor.RunAsync(Otto, new CheckRunbookStep(drillRun, "drills", "mitigate/no-such-step", "x", true), Ct);
        var unknownRunbook = await executor.RunAsync(Otto, new StartRunbookRun("nope"), Ct);

        Assert.Equal(ActionStatus.Invalid, wrongRun.Status);
        Assert.Contains("is not a run of kill-switch", wrongRun.Message, StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Invalid, unknownStep.Status);
        Assert.Contains("not a step of drills", unknownStep.Message, StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Invalid, unknownRunbook.Status);
        Assert.Empty((await Runs.CurrentAsync("drills", Ct)).Checks);
    }

    [Fact]
    public async Task CheckAsync_Viewer_IsDeniedAndNothingIsChecked()
    {
        var outcome = await Runs.CheckAsync(new Actor("vera", Door.Runbook), "kill-switch", null, null, KillSwitch.Steps.First(), true, Ct);

        Assert.Equal(ActionStatus.Denied, outcome.Status);
        Assert.Contains("operator role", outcome.Message, StringComparison.Ordinal);
        Assert.Null((await Runs.CurrentAsync("kill-switch", Ct)).Run);
    }

    [Fact]
    public async Task StartAsync_NewRun_BecomesCurrentWithNoChecks()
    {
        await Runs.CheckAsync(Otto, "kill-switch", null, null, KillSwitch.Steps.First(), true, Ct);

        var second = await Runs.StartAsync(new Actor("admin", Door.Runbook), "kill-switch", null, Ct);

        var state = await Runs.CurrentAsync("kill-switch", Ct);
        Assert.Equal((second.AuditId, "admin"), (state.Run!.Id, state.Run.StartedBy));
        Assert.Empty(state.Checks);
    }

    [Fact]
    public async Task CheckAsync_StepTextRecorded_IsTheRunbooksOwnNotTheCallers()
    {
        var step = KillSwitch.Steps.First();
        var run = (await Runs.StartAsync(Otto, "kill-switch", null, Ct)).AuditId!.Value;

        await _factory.Executor().RunAsync(Otto, new CheckRunbookStep(run, "kill-switch", step.Id, "something else entirely", true), Ct);

        var rows = await _factory.Services.GetRequiredService<AuditQueries>().PageAsync(new AuditFilter(Action: CheckRunbookStep.ActionName), 1, 1, Ct);
        Assert.Equal($"step {step.Id}: Turn it on.", rows.Rows[0].Detail);
        Assert.Equal(RunbookTargets.Run(run), rows.Rows[0].Target);
    }
}
