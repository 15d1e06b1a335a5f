using Mapper.Engine.Pipeline;

namespace Mapper.Engine.Telemetry;

/// <summary>One recent decision, metadata only (never the raw output): for inspection panels and recounts.</summary>
public sealed record RecentDecision(
    string Detector,
    string Route,
    string? FallbackReason,
    double? ModelConfidence,
    bool? ModelOutputValid,
    double Threshold,
    IReadOnlyList<string> Labels,
    TimeSpan Duration,
    DateTimeOffset At,
    IReadOnlyList<string> ValidationErrors)
{
    public static RecentDecision From(MappingDecision decision) => new(
        decision.Detector,
        decision.Route,
        decision.FallbackReason is { } reason ? FallbackReasons.Name(reason) : null,
        decision.ModelConfidence,
        decision.ModelOutputValid,
        decision.Threshold,
        decision.Labels,
        decision.Duration,
        decision.At,
        decision.ValidationErrors);
}

/// <summary>A bounded ring of the latest decisions; the oldest is overwritten when full.</summary>
public sealed class RecentDecisions
{
    public const int DefaultCapacity = 1000;

    private readonly RecentDecision?[] _ring;
    private readonly Lock _lock = new();
    private long _written;

    public RecentDecisions(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new RecentDecision?[capacity];
    }

    public int Capacity => _ring.Length;

    public void Add(RecentDecision decision)
    {
        lock (_lock)
        {
            _ring[_written % _ring.Length] = decision;
            _written++;
        }
    }

    /// <summary>The decisions held, oldest first.</summary>
    public IReadOnlyList<RecentDecision> Snapshot()
    {
        lock (_lock)
        {
            var count = (int)Math.Min(_written, _ring.Length);
            var result = new List<RecentDecision>(count);
            for (var i = _written - count; i < _written; i++)
            {
                result.Add(_ring[i % _ring.Length]!);
            }

            return result;
        }
    }
}
