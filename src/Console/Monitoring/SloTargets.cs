using Mapper.Engine.Telemetry;

namespace Mapper.Console.Monitoring;

/// <summary>The targets every gauge, the summary and the alerts compare against; the profile picks the latency bound.</summary>
public sealed record SloTargets(string Profile, double SchemaValidMinPercent, double FallbackMaxPercent, double LatencyP95MaxSeconds, double ErrorRateMaxPercent, double QueueLagMaxSeconds)
{
    public static SloTargets From(SloOptions slo, string profile) => new(
        profile, slo.SchemaValidMinPercent, slo.FallbackMaxPercent, slo.LatencyP95Seconds(profile), slo.ErrorRateMaxPercent, slo.QueueLagAlertSeconds);
}
