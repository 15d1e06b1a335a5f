using Mapper.Console.Actions;
using Mapper.Console.Drills;
using Mapper.Console.Hosting;
using Mapper.Console.Monitoring;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Console.Store;
using Mapper.Console.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Console.Tests.Monitoring;

/// <summary>The evaluator on a fake clock, fed by the real sampler from real requests.</summary>
public sealed class AlertEvaluatorTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly string _data = Directory.CreateTempSubdirectory("mapper-alerts-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task SchemaInvalidAnswers_PendingThenFiringAfterForThenResolved()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        await factory.Executor().RunAsync(Actor.System, new StartDrill(DrillKinds.SchemaInvalid, TimeSpan.FromMinutes(30)) { Reason = "practice" }, Ct);
        await MapAsync(client, 5);

        await StepAsync(factory, TimeSpan.FromSeconds(1));
        Assert.Equal(AlertState.Pending, State(factory, AlertCatalog.SchemaValidLow));
        await StepAsync(factory, TimeSpan.FromSeconds(20));
        Assert.Equal(AlertState.Pending, State(factory, AlertCatalog.SchemaValidLow));
        await StepAsync(factory, TimeSpan.FromSeconds(15));
        Assert.Equal(AlertState.Firing, State(factory, AlertCatalog.SchemaValidLow));

        await factory.Executor().RunAsync(Actor.System, new StopDrill(), Ct);
        _clock.Advance(TimeSpan.FromMinutes(6));
        await MapAsync(client, 5);
        await StepAsync(factory, TimeSpan.FromSeconds(1));

        Assert.Equal(AlertState.Resolved, State(factory, AlertCatalog.SchemaValidLow));
        var history = await factory.Services.GetRequiredService<AlertsPageService>().HistoryAsync(100, Ct);
        Assert.Equal(["inactive→pending", "pending→firing", "firing→resolved"], history.Where(t => t.Alert == AlertCatalog.SchemaValidLow).Reverse().Select(t => t.From + "→" + t.To));
    }

    [Fact]
    public async Task SlowStore_AnEvaluationWaitsForTheOneBefore_HistoryKeepsTheOrderTheStatesMoved()
    {
        var store = new GatedStore();
        await using var factory = new MapperFactory(
            new Dictionary<string, string?> { ["Mapper:DataDirectory"] = _data, ["Alerts:MapperSchemaValidLow:For"] = "30s" },
            model: new FixedScorer("PII.Identifier.SSN", 0.95), time: _clock,
            services: s => s.AddSingleton(sp => new AlertEvaluator(
                sp.GetRequiredService<IReadOnlyList<AlertDefinition>>(), sp.GetRequiredService<EngineSampler>(),
                store.Wrap(sp.GetRequiredService<IDbContextFactory<MapperDbContext>>()), sp.GetRequiredService<LiveRecord>(),
                sp.GetRequiredService<ILogger<AlertEvaluator>>())));
        using var client = factory.CreateClient();
        await factory.Executor().RunAsync(Actor.System, new StartDrill(DrillKinds.SchemaInvalid, TimeSpan.FromMinutes(30)) { Reason = "practice" }, Ct);
        await MapAsync(client, 5);
        var evaluator = factory.Services.GetRequiredService<AlertEvaluator>();
        var sampler = factory.Services.GetRequiredService<EngineSampler>();

        store.HoldNext();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var pending = evaluator.EvaluateAsync(sampler.Tick(), Ct);
        await store.Held.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        _clock.Advance(TimeSpan.FromSeconds(31));
        var firing = evaluator.EvaluateAsync(sampler.Tick(), Ct);
        // Before the fix the second evaluation stored its row here, while the first was still held.
        await Task.WhenAny(firing, Task.Delay(500, Ct));
        store.Release();
        await Task.WhenAll(pending, firing);

        var history = await factory.Services.GetRequiredService<AlertsPageService>().HistoryAsync(100, Ct);
        Assert.Equal(["inactive→pending", "pending→firing"], history.Where(t => t.Alert == AlertCatalog.SchemaValidLow).Reverse().Select(t => t.From + "→" + t.To));
        Assert.Equal(AlertState.Firing, State(factory, AlertCatalog.SchemaValidLow));
    }

    [Fact]
    public async Task RulesOnly_FallbackAtAHundredPercent_IsSuppressedAsExpectedNotFiring()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        await factory.Executor().RunAsync(new Actor("admin", Door.Page), new SetKillSwitch(true) { Reason = "model unstable" }, Ct);
        await MapAsync(client, 5);

        for (var i = 0; i < 6; i++)
        {
            await StepAsync(factory, TimeSpan.FromSeconds(10));
        }

        var fallback = Alert(factory, AlertCatalog.FallbackHigh);
        Assert.Equal(AlertState.Suppressed, fallback.State);
        Assert.StartsWith("expected: rules-only since 14:00 UTC by admin (model unstable)", fallback.Note, StringComparison.Ordinal);
        Assert.Equal(AlertState.Inactive, State(factory, AlertCatalog.SchemaValidLow));
        Assert.Null(Alert(factory, AlertCatalog.SchemaValidLow).Value);
        Assert.DoesNotContain(factory.Services.GetServices<IBannerSource>().SelectMany(b => b.Banners(factory.Services.GetRequiredService<EngineSampler>().Latest)), b => b.Key.StartsWith("alert-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_FiringAlert_StillFiringWithNoDataUntilDataSaysOtherwise()
    {
        await using (var first = Factory())
        {
            using var client = first.CreateClient();
            await first.Executor().RunAsync(Actor.System, new StartDrill(DrillKinds.SchemaInvalid, TimeSpan.FromMinutes(30)) { Reason = "practice" }, Ct);
            await MapAsync(client, 3);
            await StepAsync(first, TimeSpan.FromSeconds(1));
            await StepAsync(first, TimeSpan.FromSeconds(31));
            Assert.Equal(AlertState.Firing, State(first, AlertCatalog.SchemaValidLow));
        }

        await using var second = Factory();
        _ = second.Services;
        await StepAsync(second, TimeSpan.FromSeconds(5));

        var restored = Alert(second, AlertCatalog.SchemaValidLow);
        Assert.Equal(AlertState.Firing, restored.State);
        Assert.Contains("holding", restored.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alerts:MapperSomethingElse:For", "10m", "Alerts:MapperSomethingElse is not an alert")]
    [InlineData("Alerts:Mapper5xxHigh:For", "soon", "Alerts:Mapper5xxHigh:For must be a duration")]
    [InlineData("Alerts:Mapper5xxHigh:Severity", "page-everyone", "Alerts:Mapper5xxHigh:Severity must be warning or critical")]
    public void Settings_BadAlertSetting_NamesIt(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value, ["Mapper:DataDirectory"] = _data }).Build();

        var error = Assert.Throws<InvalidConfigurationException>(() => ConsoleSettings.Load(configuration));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_Defaults_AreContractSection7AndTheProfilePicksTheLatencyBound()
    {
        var slo = new Mapper.Engine.Telemetry.SloOptions();

        var cpu = AlertCatalog.Build(new AlertOptions(), slo, "cpu").ToDictionary(d => d.Name);
        var gpu = AlertCatalog.Build(new AlertOptions(), slo, "gpu").ToDictionary(d => d.Name);

        Assert.Equal((99.5, 10.0, "warning"), (cpu[AlertCatalog.SchemaValidLow].Threshold, cpu[AlertCatalog.SchemaValidLow].For.TotalMinutes, cpu[AlertCatalog.SchemaValidLow].Severity));
        Assert.Equal((10.0, 10.0, "warning"), (cpu[AlertCatalog.FallbackHigh].Threshold, cpu[AlertCatalog.FallbackHigh].For.TotalMinutes, cpu[AlertCatalog.FallbackHigh].Severity));
        Assert.Equal((0.25, 15.0), (cpu[AlertCatalog.LatencyP95High].Threshold, cpu[AlertCatalog.LatencyP95High].For.TotalMinutes));
        Assert.Equal(0.15, gpu[AlertCatalog.LatencyP95High].Threshold);
        Assert.Equal((1.0, 5.0, "critical"), (cpu[AlertCatalog.Http5xxHigh].Threshold, cpu[AlertCatalog.Http5xxHigh].For.TotalMinutes, cpu[AlertCatalog.Http5xxHigh].Severity));
        Assert.Equal((30.0, 10.0), (cpu[AlertCatalog.QueueLagHigh].Threshold, cpu[AlertCatalog.QueueLagHigh].For.TotalMinutes));
    }

    private MapperFactory Factory() => new(
        new Dictionary<string, string?> { ["Mapper:DataDirectory"] = _data, ["Alerts:MapperSchemaValidLow:For"] = "30s" },
        model: new FixedScorer("PII.Identifier.SSN", 0.95),
        time: _clock);

    private static async Task MapAsync(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await client.PostAsync("/map", Http.Ssn);
            Assert.Equal(200, (int)response.StatusCode);
        }
    }

    /// <summary>Moves the clock and waits until the evaluator has seen a sample taken at the new time.</summary>
    private async Task StepAsync(MapperFactory factory, TimeSpan by)
    {
        _clock.Advance(by);
        var sample = factory.Services.GetRequiredService<EngineSampler>().Tick();
        await factory.Services.GetRequiredService<AlertEvaluator>().EvaluateAsync(sample, Ct);
    }

    private static AlertStatus Alert(MapperFactory factory, string name) => factory.Services.GetRequiredService<AlertEvaluator>().Current.Single(a => a.Name == name);

    private static AlertState State(MapperFactory factory, string name) => Alert(factory, name).State;

    /// <summary>A store whose next context, once armed, is handed out only on <see cref="Release"/>: a slow write.</summary>
    private sealed class GatedStore
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task Held => _held.Task;

        public void HoldNext() => Volatile.Write(ref _armed, 1);

        public void Release() => _release.TrySetResult();

        public IDbContextFactory<MapperDbContext> Wrap(IDbContextFactory<MapperDbContext> inner) => new Factory(this, inner);

        private sealed class Factory(GatedStore gate, IDbContextFactory<MapperDbContext> inner) : IDbContextFactory<MapperDbContext>
        {
            public MapperDbContext CreateDbContext() => inner.CreateDbContext();

            public async Task<MapperDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
            {
                if (Interlocked.Exchange(ref gate._armed, 0) == 1)
                {
                    gate._held.TrySetResult();
                    await gate._release.Task.WaitAsync(cancellationToken);
                }

                return await inner.CreateDbContextAsync(cancellationToken);
            }
        }
    }
}
