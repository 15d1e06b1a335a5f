using Mapper.Engine.Pipeline;

namespace Mapper.Console.Drills;

/// <summary>A drill in progress.</summary>
public sealed record RunningDrill(string Kind, DateTimeOffset StartedAt, DateTimeOffset Until, string StartedBy, string? Reason, long AuditId);

/// <summary>
/// The drill in force, if any: the engine reads its fault (<see cref="IDrillFaults"/>), the HTTP edge its 5xx share,
/// the queue-lag gauge its stall. Only the executor starts and stops it; nothing else can inject a fault. Drills
/// live in memory: a restart ends one (and the start-up records that).
/// </summary>
public sealed class DrillControl(DrillOptions options, TimeProvider time) : IDrillFaults
{
    private RunningDrill? _current;

    public RunningDrill? Current
    {
        get
        {
            var drill = Volatile.Read(ref _current);
            return drill is not null && time.GetUtcNow() < drill.Until ? drill : null;
        }
    }

    /// <summary>Whether the drill's time is up but the executor has not yet recorded its end.</summary>
    public RunningDrill? Expired => Volatile.Read(ref _current) is { } drill && time.GetUtcNow() >= drill.Until ? drill : null;

    public DrillFault? Active => Current is { } drill ? DrillKinds.Fault(drill.Kind) : null;

    public TimeSpan ExtraLatency => TimeSpan.FromMilliseconds(options.ExtraLatencyMs);

    public double Http5xxShare => Current?.Kind == DrillKinds.Http5xx ? options.Http5xxShare : 0;

    /// <summary>How long the queue-stall drill's queue has been stuck (zero otherwise): reported as queue lag.</summary>
    public TimeSpan StallAge => Current is { Kind: DrillKinds.QueueStall } drill ? time.GetUtcNow() - drill.StartedAt : TimeSpan.Zero;

    internal void Start(RunningDrill drill) => Volatile.Write(ref _current, drill);

    internal void Stop() => Volatile.Write(ref _current, null);
}
