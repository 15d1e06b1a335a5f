using Mapper.Console.Actions;
using Mapper.Console.Drills;
using Mapper.Console.Identity;
using Mapper.Console.Tests.Support;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Console.Tests.Drills;

/// <summary>Drills: admin-only, audited, faults only while they run and only for traffic that counts, ending by themselves.</summary>
public sealed class DrillTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DrillKinds.ModelError, "model_error")]
    [InlineData(DrillKinds.SchemaInvalid, "schema_invalid")]
    public async Task Drill_ModelFault_ClientRequestsFallBackWithItsReason(string kind, string reason)
    {
        await using var factory = new MapperFactory(model: new FixedScorer("PII.Identifier.SSN", 0.95));
        using var client = factory.CreateClient();

        var started = await factory.Executor().RunAsync(new Actor("admin", Door.Api), new StartDrill(kind, TimeSpan.FromMinutes(5)) { Reason = "practice" }, Ct);
        using var response = await client.PostAsync("/map", Http.Ssn);

        Assert.True(started.Succeeded, started.Message);
        Assert.Contains($"reason={reason}", (string?)(await response.JsonAsync())["notes"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drill_PlaygroundRun_IsNeverTouched()
    {
        await using var factory = new MapperFactory(model: new FixedScorer("PII.Identifier.SSN", 0.95));
        await factory.Executor().RunAsync(new Actor("admin", Door.Api), new StartDrill(DrillKinds.ModelError, TimeSpan.FromMinutes(5)) { Reason = "practice" }, Ct);
        var pipeline = factory.Services.GetRequiredService<MappingPipeline>();

        var playground = await pipeline.MapAsync(new MapRequest("presidio", "US_SSN"), new MapOptions { RecordInSlis = false }, Ct);

        Assert.Equal("model", playground.Decision.Route);
    }

    [Fact]
    public async Task Drill_Http5xx_AnswersAShareWith500CountedInTheSli()
    {
        await using var factory = new MapperFactory(new Dictionary<string, string?> { ["Drills:Http5xxShare"] = "1" });
        using var client = factory.CreateClient();
        await factory.Executor().RunAsync(new Actor("admin", Door.Api), new StartDrill(DrillKinds.Http5xx, TimeSpan.FromMinutes(5)) { Reason = "practice" }, Ct);

        using var response = await client.PostAsync("/map", Http.Ssn);

        var detail = await response.AssertErrorAsync(500, "INTERNAL_ERROR");
        Assert.Contains("drill", (string?)detail["message"], StringComparison.Ordinal);
        Assert.Equal(100, factory.Services.GetRequiredService<MapperTelemetry>().Snapshot().Http5xxPercentage);
    }

    [Fact]
    public async Task Drill_NoDrill_InjectsNothing()
    {
        await using var factory = new MapperFactory(model: new FixedScorer("PII.Identifier.SSN", 0.95));
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/map", Http.Ssn);

        Assert.Null(factory.Services.GetRequiredService<IDrillFaults>().Active);
        Assert.Equal("model", (string?)(await response.JsonAsync())["provenance"]!["route"]);
    }

    [Fact]
    public async Task StartDrill_AsOperator_IsDeniedAndNothingIsInjected()
    {
        await using var factory = new MapperFactory();
        await factory.AddUserAsync("otto", ConsoleRole.Operator);

        var outcome = await factory.Executor().RunAsync(new Actor("otto", Door.Page), new StartDrill(DrillKinds.ModelError, TimeSpan.FromMinutes(5)) { Reason = "r" }, Ct);

        Assert.Equal(ActionStatus.Denied, outcome.Status);
        Assert.Null(factory.Services.GetRequiredService<DrillControl>().Current);
    }

    [Theory]
    [InlineData("earthquake", 5.0, "kind:")]
    [InlineData(DrillKinds.Latency, 0.01, "for:")]
    [InlineData(DrillKinds.Latency, 10000.0, "for:")]
    public async Task StartDrill_BadKindOrDuration_IsInvalid(string kind, double minutes, string field)
    {
        await using var factory = new MapperFactory();

        var outcome = await factory.Executor().RunAsync(Actor.System, new StartDrill(kind, TimeSpan.FromMinutes(minutes)) { Reason = "r" }, Ct);

        Assert.Equal(ActionStatus.Invalid, outcome.Status);
        Assert.StartsWith(field, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drill_ItsTimeIsUp_EndsByItselfAsTheSystemAndQueueStallLagClimbsMeanwhile()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
        await using var factory = new MapperFactory(time: clock);
        var drills = factory.Services.GetRequiredService<DrillControl>();
        await factory.Executor().RunAsync(new Actor("admin", Door.Api), new StartDrill(DrillKinds.QueueStall, TimeSpan.FromMinutes(2)) { Reason = "practice" }, Ct);

        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(45, factory.Services.GetRequiredService<MapperTelemetry>().Snapshot().QueueLagSeconds, precision: 3);
        var early = await factory.Services.GetRequiredService<DrillExpiry>().EndIfDueAsync(Ct);
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Null(early);
        Assert.Null(drills.Current);
        await ApiCalls.EventuallyAsync(() => Task.Run(() => Assert.Null(drills.Expired)), TimeSpan.FromSeconds(10));
        var stop = Assert.Single((await factory.Services.GetRequiredService<AuditQueries>().PageAsync(new AuditFilter(Action: "drills.stop"), 1, 10, Ct)).Rows);
        Assert.Equal(("system", "applied"), (stop.Actor, stop.Result));
        Assert.Contains("reached its end time", stop.Reason, StringComparison.Ordinal);
        Assert.Equal(0, factory.Services.GetRequiredService<MapperTelemetry>().Snapshot().QueueLagSeconds);
    }
}
