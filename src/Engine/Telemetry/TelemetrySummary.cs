using Prometheus;

namespace Mapper.Engine.Telemetry;

/// <summary>The counters and current SLIs as plain values, for <c>/metrics/summary</c> and people.</summary>
public sealed record TelemetrySummary(ServiceInfo Service, SliSnapshot Slis, CounterTotals Counters);

/// <summary>Counter totals since start, summed over the labels not named.</summary>
public sealed record CounterTotals
{
    /// <summary>Mapped items by status (<c>success</c>, <c>error</c>), all detectors.</summary>
    public required IReadOnlyDictionary<string, double> Requests { get; init; }

    public required IReadOnlyDictionary<string, double> RequestsByDetector { get; init; }

    public required IReadOnlyDictionary<string, double> FallbacksByReason { get; init; }

    /// <summary>Model outputs by validity (<c>true</c>, <c>false</c>).</summary>
    public required IReadOnlyDictionary<string, double> SchemaValidation { get; init; }

    public required double ModelSuccess { get; init; }

    public required IReadOnlyDictionary<string, double> Errors { get; init; }

    public required IReadOnlyDictionary<string, double> PayloadRejected { get; init; }

    public required IReadOnlyDictionary<string, double> Deprecated { get; init; }

    public required double Batches { get; init; }

    internal static CounterTotals From(MapperCollectors c) => new()
    {
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
