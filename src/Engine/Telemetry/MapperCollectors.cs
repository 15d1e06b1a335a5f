using Prometheus;

namespace Mapper.Engine.Telemetry;

/// <summary>Every collector of contract §6, with its exact name, type, labels and buckets, in one registry.</summary>
internal sealed class MapperCollectors
{
    private static readonly double[] DurationBuckets = [.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10];
    private static readonly double[] ConfidenceBuckets = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
    private static readonly double[] BatchBuckets = [1, 5, 10, 25, 50, 100];

    public MapperCollectors(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        Requests = factory.CreateCounter("mapper_requests_total", "Mapped items, batch items included.", ["detector", "status"]);
        Duration = factory.CreateHistogram("mapper_request_duration_seconds", "Time to map one item.",
            new HistogramConfiguration { LabelNames = ["detector"], Buckets = DurationBuckets });
        SchemaValidation = factory.CreateCounter("mapper_schema_validation_total", "Model outputs by schema validity.", ["detector", "valid"]);
        SchemaValidPercentage = factory.CreateGauge("mapper_schema_valid_percentage",
            "Valid model outputs / all model outputs over the recent window; NaN when the model answered nothing.");
        Fallbacks = factory.CreateCounter("mapper_fallback_total", "Requests answered by the rules in hybrid mode, once each.", ["detector", "reason"]);
        FallbackPercentage = factory.CreateGauge("mapper_fallback_percentage", "Fallbacks / requests over the recent window.");
        Confidence = factory.CreateHistogram("mapper_confidence_score", "Model confidence.",
            new HistogramConfiguration { LabelNames = ["detector"], Buckets = ConfidenceBuckets });
        ModelSuccess = factory.CreateCounter("mapper_model_success_total", "Requests answered by the model.", ["detector"]);
        Errors = factory.CreateCounter("mapper_errors_total", "Error responses by error code.", ["error_code"]);
        PayloadRejected = factory.CreateCounter("mapper_request_payload_rejected_total", "Bodies refused before mapping.", ["reason"]);
        Deprecated = factory.CreateCounter("mapper_request_deprecated_total", "Requests in a deprecated shape.", ["type"]);
        BatchSize = factory.CreateHistogram("mapper_batch_size", "Items per batch request.",
            new HistogramConfiguration { Buckets = BatchBuckets });
        QueueLag = factory.CreateGauge("mapper_queue_lag_seconds", "Age of the oldest item waiting for the model.");
        ModelCacheLookups = factory.CreateCounter("mapper_model_cache_lookups_total",
            "Hybrid requests answered from the active adapter's cache (hit) or sent to the model (miss).", ["result"]);

        // The window's other SLIs as gauges, so exported alert rules read exactly what the console's evaluator reads.
        Http5xxPercentage = factory.CreateGauge("mapper_http_5xx_percentage",
            "5xx responses / responses of the mapping endpoints over the recent window; NaN when there were none.");
        LatencyP95 = factory.CreateGauge("mapper_latency_p95_seconds", "95th percentile of the mapping duration over the recent window; NaN with no requests.");
        QueueLagMax = factory.CreateGauge("mapper_queue_lag_max_seconds", "Largest queue lag seen over the recent window.");
        RulesOnly = factory.CreateGauge("mapper_rules_only", "1 while the kill switch (rules_only mode) is on, else 0: fallback is then expected.");
        ServiceInfo = factory.CreateGauge("mapper_service_info", "Always 1; the labels say what serves.", ["version", "model", "taxonomy_version"]);

        // Known label values start at 0, so rate() and alerts see a series before the first event.
        foreach (var code in ErrorCodes.All)
        {
            Errors.WithLabels(code);
        }

        PayloadRejected.WithLabels(PayloadRejection.Oversize);
        PayloadRejected.WithLabels(PayloadRejection.RawContent);
        Deprecated.WithLabels("DetectorRequest");
        ModelCacheLookups.WithLabels("hit");
        ModelCacheLookups.WithLabels("miss");
    }

    public Counter Requests { get; }

    public Histogram Duration { get; }

    public Counter SchemaValidation { get; }

    public Gauge SchemaValidPercentage { get; }

    public Gauge Http5xxPercentage { get; }

    public Gauge LatencyP95 { get; }

    public Gauge QueueLagMax { get; }

    public Gauge RulesOnly { get; }

    public Counter Fallbacks { get; }

    public Gauge FallbackPercentage { get; }

    public Histogram Confidence { get; }

    public Counter ModelSuccess { get; }

    public Counter Errors { get; }

    public Counter PayloadRejected { get; }

    public Counter Deprecated { get; }

    public Histogram BatchSize { get; }

    public Gauge QueueLag { get; }

    public Counter ModelCacheLookups { get; }

    public Gauge ServiceInfo { get; }
}
