using Mapper.Engine.Pipeline;
using Mapper.Engine.Telemetry;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Mapper.Engine.Tests.Telemetry;

public sealed class MapperTelemetryTests
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly FakeTimeProvider _time = new();
    private readonly string _model = "none";

    private MapperTelemetry Create() =>
        new(_registry, new SliWindows(_time, TimeSpan.FromMinutes(5)), new RecentDecisions(), new DecisionStats(_time, TimeSpan.FromHours(1)), "1.2.3", () => "2025.09");

    private async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Record_Fallback_CountedOnceUnderItsReason()
    {
        var telemetry = Create();

        telemetry.Record(Decisions.Rules(FallbackReason.LowConfidence) with { ModelConfidence = 0.3, ModelOutputValid = true });

        var summary = telemetry.Summary();
        Assert.Equal(1, summary.Counters.FallbacksByReason.Values.Sum());
        Assert.Equal(1, summary.Counters.FallbacksByReason["low_confidence"]);
        Assert.Equal(1, summary.Counters.SchemaValidation["true"]);
        Assert.Equal(0, summary.Counters.ModelSuccess);
        Assert.Contains("mapper_fallback_total{detector=\"presidio\",reason=\"low_confidence\"} 1", await ScrapeAsync());
    }

    [Fact]
    public async Task Refresh_NoModelOutputs_SchemaValidGaugeIsNaN()
    {
        var telemetry = Create();
        telemetry.Record(Decisions.Rules(FallbackReason.NoModel));

        var text = await ScrapeAsync();

        Assert.Contains("mapper_schema_valid_percentage NaN", text);
        Assert.Contains("mapper_fallback_percentage 100", text);
        Assert.DoesNotContain("mapper_schema_validation_total{", text);
    }

    [Fact]
    public async Task Refresh_ModelChanges_ServiceInfoFollows()
    {
        var telemetry = Create();
        var active = (string?)null;
        telemetry.UseActiveModel(() => active);
        Assert.Contains($"mapper_service_info{{version=\"1.2.3\",model=\"{_model}\",taxonomy_version=\"2025.09\"}} 1", await ScrapeAsync());

        active = "adapter@2";
        var text = await ScrapeAsync();

        Assert.Contains("model=\"adapter@2\"", text);
        Assert.DoesNotContain($"model=\"{_model}\"", text);
    }

    [Fact]
    public async Task Refresh_QueueLagSource_SetsGauge()
    {
        var telemetry = Create();
        telemetry.UseQueueLag(() => TimeSpan.FromSeconds(2.5));

        Assert.Contains("mapper_queue_lag_seconds 2.5", await ScrapeAsync());
    }

    [Fact]
    public void Record_ModelAnswer_CountsSuccessAndConfidence()
    {
        var telemetry = Create();

        telemetry.Record(Decisions.Model(0.95));

        var summary = telemetry.Summary();
        Assert.Equal(1, summary.Counters.ModelSuccess);
        Assert.Equal(100, summary.Slis.SchemaValidPercentage);
        Assert.Single(telemetry.Recent.Snapshot());
    }
}
