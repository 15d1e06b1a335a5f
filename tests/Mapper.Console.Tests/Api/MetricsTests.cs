using System.Globalization;
using System.Text.RegularExpressions;
using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Api;

public sealed partial class MetricsTests
{
    private static readonly string[] ContractMetrics =
    [
        "mapper_requests_total", "mapper_request_duration_seconds", "mapper_schema_validation_total", "mapper_schema_valid_percentage",
        "mapper_fallback_total", "mapper_fallback_percentage", "mapper_confidence_score", "mapper_model_success_total",
        "mapper_errors_total", "mapper_request_payload_rejected_total", "mapper_request_deprecated_total", "mapper_batch_size",
        "mapper_queue_lag_seconds", "mapper_service_info",
    ];

    [Fact]
    public async Task Metrics_AfterTraffic_ListsEveryContractMetricWithItsType()
    {
        await using var factory = new MapperFactory(model: new FixedScorer("PII.Identifier.SSN", 0.9));
        using var client = factory.CreateClient();
        using var _ = await client.PostAsync("/map", Http.Ssn);

        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.NotEqual("", response.Header("X-Request-ID"));
        foreach (var name in ContractMetrics)
        {
            Assert.Matches($"(?m)^# TYPE {name} (counter|gauge|histogram)$", text);
        }

        Assert.Contains("mapper_model_success_total{detector=\"presidio\"} 1", text);
        Assert.Contains("mapper_schema_validation_total{detector=\"presidio\",valid=\"true\"} 1", text);
        Assert.Contains("mapper_confidence_score_bucket{detector=\"presidio\",le=\"0.9\"} 1", text);
        Assert.Contains("mapper_schema_valid_percentage 100", text);
        Assert.Contains("model=\"fixed@1\",taxonomy_version=\"2025.09\"} 1", text);
    }

    [Fact]
    public async Task Metrics_RulesOnlyTraffic_SchemaValidIsNaNAndFallbackCountedOnce()
    {
        await using var factory = new MapperFactory();
        using var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var _ = await client.PostAsync("/map", Http.Ssn);
        }

        using var batch = await client.PostAsync("/map/batch", "{\"requests\":[" + Http.Ssn + "," + Http.Ssn + "]}");
        var text = await factory.ScrapeAsync();

        Assert.Contains("mapper_schema_valid_percentage NaN", text);
        Assert.Equal(5, Sum(text, "mapper_fallback_total"));
        Assert.Equal(5, Sum(text, "mapper_requests_total"));
        Assert.Contains("mapper_fallback_total{detector=\"presidio\",reason=\"no_model\"} 5", text);
        Assert.Contains("mapper_fallback_percentage 100", text);
        Assert.Contains("mapper_batch_size_count 1", text);
        Assert.Contains("model=\"none\"", text);
    }

    [Fact]
    public async Task Metrics_RefusedRequests_CountedByReasonAndCode()
    {
        await using var factory = new MapperFactory();
        using var client = factory.CreateClient();
        using var raw = await client.PostAsync("/map", """{"detector":"presidio","output":"a\nb\nc\nd","tenant_id":"t1"}""");
        using var oversize = await client.PostAsync("/map", new string(' ', 70 * 1024));
        using var legacy = await client.PostAsync("/map", """{"detector":"presidio","output":"US_SSN"}""");
        using var invalid = await client.PostAsync("/map", """{"detector":"presidio","output":1,"tenant_id":"t1"}""");

        var text = await factory.ScrapeAsync();

        Assert.Contains("mapper_request_payload_rejected_total{reason=\"raw_content\"} 1", text);
        Assert.Contains("mapper_request_payload_rejected_total{reason=\"oversize\"} 1", text);
        Assert.Contains("mapper_request_deprecated_total{type=\"DetectorRequest\"} 1", text);
        Assert.Contains("mapper_errors_total{error_code=\"INVALID_REQUEST\"} 3", text);
        Assert.Contains("mapper_requests_total{detector=\"presidio\",status=\"error\"} 1", text);
    }

    [Fact]
    public async Task MetricsSummary_ReportsCountersAndSlis()
    {
        await using var factory = new MapperFactory();
        using var client = factory.CreateClient();
        using var _ = await client.PostAsync("/map", Http.Ssn);

        var body = await (await client.GetAsync("/metrics/summary", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal(300, (double)body["window_seconds"]!);
        Assert.Equal("none", (string?)body["service"]!["model"]);
        var slis = body["slis"]!;
        Assert.Equal(1, (int)slis["requests"]!);
        Assert.Null(slis["schema_valid_percentage"]);
        Assert.Equal(100, (double)slis["fallback_percentage"]!);
        Assert.True((double)slis["p95_latency_seconds"]! > 0);
        Assert.Equal(0, (double)slis["http5xx_percentage"]!);
        Assert.Equal(0, (double)slis["queue_lag_seconds"]!);
        Assert.Equal(1, (double)body["counters"]!["requests"]!["success"]!);
        Assert.Equal(1, (double)body["counters"]!["fallbacks_by_reason"]!["no_model"]!);
        Assert.Equal(99.5, (double)body["slo"]!["schema_valid_min_percent"]!);
        Assert.Equal(0.25, (double)body["slo"]!["latency_p95_max_seconds"]!);
    }

    private static double Sum(string text, string name) =>
        SampleLine().Matches(text).Where(m => m.Groups["name"].Value == name)
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"(?m)^(?<name>[a-z_]+)\{[^}]*\} (?<value>[0-9.eE+-]+)$")]
    private static partial Regex SampleLine();
}
