using Mapper.Engine.Telemetry;

namespace Mapper.Console.Monitoring.Alerts;

/// <summary>
/// The five alerts of contract §7 (thresholds, <c>for</c> and severities), each overridable under <c>Alerts:&lt;Name&gt;</c>;
/// the profile picks the latency bound. One list, read by the evaluator, the alerts page, the API and the rules export.
/// </summary>
public static class AlertCatalog
{
    public const string SchemaValidLow = "MapperSchemaValidLow";
    public const string FallbackHigh = "MapperFallbackHigh";
    public const string LatencyP95High = "MapperLatencyP95High";
    public const string Http5xxHigh = "Mapper5xxHigh";
    public const string QueueLagHigh = "MapperQueueLagHigh";

    public static readonly IReadOnlyList<string> Names = [SchemaValidLow, FallbackHigh, LatencyP95High, Http5xxHigh, QueueLagHigh];

    public static IReadOnlyList<AlertDefinition> Build(AlertOptions options, SloOptions slo, string profile)
    {
        AlertDefinition[] defaults =
        [
            new(SchemaValidLow, "Schema-valid share of model outputs is low", AlertComparison.Below, slo.SchemaValidMinPercent, TimeSpan.FromMinutes(10), "warning",
                "mapper-schema-valid-low", "%", s => s.Slis.SchemaValidPercentage, "mapper_schema_valid_percentage"),
            new(FallbackHigh, "Too many requests fall back to the rules", AlertComparison.Above, slo.FallbackMaxPercent, TimeSpan.FromMinutes(10), "warning",
                "mapper-fallback-high", "%", s => s.Slis.Requests == 0 ? null : s.Slis.FallbackPercentage, "mapper_fallback_percentage", ExpectedInRulesOnly: true),
            new(LatencyP95High, $"p95 mapping latency is above the {profile} bound", AlertComparison.Above, slo.LatencyP95Seconds(profile), TimeSpan.FromMinutes(15), "warning",
                "mapper-latency-p95-high", " s", s => s.Slis.P95LatencySeconds, "mapper_latency_p95_seconds"),
            new(Http5xxHigh, "The mapping API answers 5xx", AlertComparison.Above, slo.ErrorRateMaxPercent, TimeSpan.FromMinutes(5), "critical",
                "mapper-5xx-high", "%", s => s.Slis.Http5xxPercentage, "mapper_http_5xx_percentage"),
            new(QueueLagHigh, "Requests wait too long for the model", AlertComparison.Above, slo.QueueLagAlertSeconds, TimeSpan.FromMinutes(10), "warning",
                "mapper-queue-lag-high", " s", s => s.Slis.MaxQueueLagSeconds, "mapper_queue_lag_max_seconds"),
        ];

        return [.. defaults.Select(d => options.Rules.TryGetValue(d.Name, out var rule)
            ? d with
            {
                Threshold = rule.Threshold ?? d.Threshold,
                For = rule.For is { } f ? AlertOptions.ParseDuration(f) ?? d.For : d.For,
                Severity = rule.Severity ?? d.Severity,
            }
            : d)];
    }
}
