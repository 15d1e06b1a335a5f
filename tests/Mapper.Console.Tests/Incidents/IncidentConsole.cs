using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Incidents;
using Mapper.Console.Monitoring;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Console.Store;
using Mapper.Console.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Console.Tests.Incidents;

/// <summary>
/// A real console on a fake clock for incident tests, with an operator (otto), a viewer (vera) and commands for the
/// rows other features write (runbook step checks, playground runs), so a timeline can hold every kind of event.
/// </summary>
public sealed class IncidentConsole : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 14, 0, 0, TimeSpan.Zero);

    public static readonly Actor Otto = new("otto", Door.Page);

    private IncidentConsole(MapperFactory factory, FakeTimeProvider clock)
    {
        Factory = factory;
        Clock = clock;
    }

    public MapperFactory Factory { get; }

    public FakeTimeProvider Clock { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public T Get<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    public static async Task<IncidentConsole> StartAsync(Dictionary<string, string?>? settings = null, Engine.Model.IModelScorer? model = null)
    {
        // The accounts are made a second before Start, so no test's incident window holds their rows.
        var clock = new FakeTimeProvider(Start.AddSeconds(-1));
        var factory = new MapperFactory(settings, model, clock, s =>
        {
            s.AddSingleton<IActionHandler, OtherFeatureRows>();
        });
        var console = new IncidentConsole(factory, clock);
        await factory.AddUserAsync("otto", ConsoleRole.Operator);
        await factory.AddUserAsync("vera", ConsoleRole.Viewer);
        clock.Advance(TimeSpan.FromSeconds(1));
        return console;
    }

    /// <summary>Runs a command that must apply; returns its outcome.</summary>
    public async Task<ActionOutcome> RunAsync(OperatorCommand command, Actor? actor = null)
    {
        var outcome = await Get<OperatorExecutor>().RunAsync(actor ?? Otto, command, Ct);
        Assert.True(outcome.Succeeded, $"{command.Action}: {outcome.Status} {outcome.Message}");
        return outcome;
    }

    public async Task<long> OpenAsync(string title = "5xx from the mapping API", string severity = "critical", string? alert = null)
    {
        var outcome = await RunAsync(new OpenIncident(title, severity, Alert: alert));
        return long.Parse(outcome.Created!, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IncidentTimelineView> TimelineAsync(long id) => (await Get<IncidentTimeline>().BuildAsync(id, Ct))!;

    /// <summary>Moves the clock, takes a sample (recorded in the history, as the sampler's timer does) and evaluates the alerts on it.</summary>
    public async Task StepAsync(TimeSpan by)
    {
        Clock.Advance(by);
        var sample = Get<EngineSampler>().Tick();
        await Get<SliHistory>().RecordAsync(sample, Ct);
        await Get<AlertEvaluator>().EvaluateAsync(sample, Ct);
    }

    public async Task<List<Escalation>> EscalationsAsync()
    {
        await using var db = await Get<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Ct);
        return await db.Escalations.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
    }

    public async Task MapAsync(int count)
    {
        using var client = Factory.CreateClient();
        for (var i = 0; i < count; i++)
        {
            using var _ = await client.PostAsync("/map", Http.Ssn);
        }
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

/// <summary>A runbook step check as the runbook feature audits it (<c>runbooks.step</c>).</summary>
public sealed record TestRunbookStep(long Run, string Step) : OperatorCommand
{
    public override string Action => "runbooks.step";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => "run:" + Run;

    public override bool NeedsReason => false;
}

/// <summary>A playground run as the playground audits it (<c>playground.run</c>, metadata only).</summary>
public sealed record TestPlaygroundRun(string Detector) : OperatorCommand
{
    public override string Action => NoteActions.PlaygroundRunAction;

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => "playground";

    public override bool NeedsReason => false;
}

/// <summary>Plans the other features' rows: nothing changes but the audit log, as with theirs.</summary>
public sealed class OtherFeatureRows : IActionHandler
{
    public bool Handles(OperatorCommand command) => command is TestRunbookStep or TestPlaygroundRun;

    public Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope) => Task.FromResult(command switch
    {
        TestRunbookStep step => new ActionPlan("unchecked", "checked") { Detail = $"step {step.Step}: check the gauges", Message = "checked" },
        TestPlaygroundRun run => new ActionPlan(null, $"{run.Detector}: model, PII.Identifier.SSN 0.95") { Message = "ran" },
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    });
}
