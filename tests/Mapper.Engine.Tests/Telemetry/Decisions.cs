using Mapper.Engine.Pipeline;

namespace Mapper.Engine.Tests.Telemetry;

internal static class Decisions
{
    public static MappingDecision Rules(FallbackReason reason, double seconds = 0.002, string detector = "presidio") => new()
    {
        Detector = detector,
        DetectorKnown = true,
        Route = "rules",
        FallbackReason = reason,
        Threshold = 0.6,
        Labels = ["PII.Identifier.SSN"],
        Confidence = 0.9,
        Model = "rules",
        Duration = TimeSpan.FromSeconds(seconds),
        At = DateTimeOffset.UnixEpoch,
    };

    public static MappingDecision Model(double confidence, bool valid = true, double seconds = 0.002) => new()
    {
        Detector = "presidio",
        DetectorKnown = true,
        Route = "model",
        ModelConfidence = confidence,
        ModelOutputValid = valid,
        Threshold = 0.6,
        Labels = ["PII.Identifier.SSN"],
        Confidence = confidence,
        Model = "adapter@1",
        Duration = TimeSpan.FromSeconds(seconds),
        At = DateTimeOffset.UnixEpoch,
    };
}
