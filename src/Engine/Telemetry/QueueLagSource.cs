namespace Mapper.Engine.Telemetry;

/// <summary>
/// Registered by the model side (<c>services.AddSingleton(new QueueLagSource(() => queue.OldestAge))</c>)
/// to feed <c>mapper_queue_lag_seconds</c>; without one the lag reads 0.
/// </summary>
public sealed record QueueLagSource(Func<TimeSpan> OldestWaiting);
