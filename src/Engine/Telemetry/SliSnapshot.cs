namespace Mapper.Engine.Telemetry;

/// <summary>
/// The service level indicators over the recent window: one value read by <c>/metrics</c>,
/// <c>/metrics/summary</c>, the console's gauges and the alert evaluator alike.
/// </summary>
public sealed record SliSnapshot
{
    public required DateTimeOffset At { get; init; }

    public required TimeSpan Window { get; init; }

    /// <summary>The end of the newest 10-second bucket with a mapped item; null when the window holds none.</summary>
    public DateTimeOffset? NewestRequestAt { get; init; }

    /// <summary>The end of the newest bucket with a model output.</summary>
    public DateTimeOffset? NewestModelOutputAt { get; init; }

    /// <summary>The end of the newest bucket with a response of a mapping endpoint.</summary>
    public DateTimeOffset? NewestResponseAt { get; init; }

    /// <summary>Mapped items (batch items included) in the window.</summary>
    public required long Requests { get; init; }

    public required long Fallbacks { get; init; }

    /// <summary>Fallbacks / requests × 100; 0 when there were no requests (nothing fell back).</summary>
    public required double FallbackPercentage { get; init; }

    public required IReadOnlyDictionary<string, long> FallbacksByReason { get; init; }

    public required long ModelOutputs { get; init; }

    /// <summary>Valid model outputs / all model outputs × 100; null when the model answered nothing (e.g. rules-only).</summary>
    public required double? SchemaValidPercentage { get; init; }

    /// <summary>95th percentile of the mapping duration; null with no requests.</summary>
    public required double? P95LatencySeconds { get; init; }

    public required long HttpResponses { get; init; }

    public required long Http5xx { get; init; }

    /// <summary>5xx responses / responses of the mapping endpoints × 100; null when there were none.</summary>
    public required double? Http5xxPercentage { get; init; }

    /// <summary>Age of the oldest item waiting for the model now.</summary>
    public required double QueueLagSeconds { get; init; }

    /// <summary>Largest queue lag seen in the window (sampled at each snapshot).</summary>
    public required double MaxQueueLagSeconds { get; init; }
}
