using Prometheus;

namespace Mapper.Engine.Telemetry;

/// <summary>The counters and current SLIs as plain values, for <c>/metrics/summary</c> and people.</summary>
public sealed record TelemetrySummary
{
    public required ServiceInfo Service { get; init; }

    public required SliSnapshot Slis { get; init; }

    /// <summary>Mapped items by status (<c>success</c>, <c>error</c>), all detectors.</summary>
    public required IReadOnlyDictionary<string, double> Requests { get; init; }

    public required IReadOnlyDictionary<string, double> RequestsByDetector { get; init; }

    public required IReadOnlyDictionary<string, double> FallbacksByReason { get; init; }

    public required IReadOnlyDictionary<string, double> SchemaValidation { get; init; }

    public required double ModelSuccess { get; init; }

    public required IReadOnlyDictionary<string, double> Errors { get; init; }

    public required IReadOnlyDictionary<string, double> PayloadRejected { get; init; }

    public required IReadOnlyDictionary<string, double> Deprecated { get; init; }

    public required double Batches { get; init; }

    internal static TelemetrySummary From(MapperCollectors c, SliSnapshot slis, ServiceInfo service) => new()
    {
        Service = service,
        Slis = slis,
        Requests = SumBy(c.Requests, 1),
        RequestsByDetector = SumBy(c.Requests, 0),
        FallbacksByReason = SumBy(c.Fallbacks, 1),
        SchemaValidation = SumBy(c.SchemaValidation, 1),
        ModelSuccess = SumBy(c.ModelSuccess, 0).Values.Sum(),
        Errors = SumBy(c.Errors, 0),
        PayloadRejected = SumBy(c.PayloadRejected, 0),
        Deprecated = SumBy(c.Deprecated, 0),
        Batches = c.BatchSize.Count,
    };

    private static Dictionary<string, double> SumBy(Counter counter, int labelIndex)
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var labels in counter.GetAllLabelValues())
        {
            var key = labels[labelIndex];
            totals[key] = totals.GetValueOrDefault(key) + counter.WithLabels(labels).Value;
        }

        return totals;
    }
}
