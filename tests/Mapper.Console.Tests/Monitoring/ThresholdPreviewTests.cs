using Mapper.Console.Monitoring;
using Mapper.Engine.Controls;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Telemetry;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Mapper.Console.Tests.Monitoring;

/// <summary>The what-if recount against a straightforward recomputation from the same decisions.</summary>
public sealed class ThresholdPreviewTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
    private readonly RuntimeControlsStore _controls = new(new RuntimeControls { GlobalThreshold = 0.6 });
    private readonly MapperTelemetry _telemetry;
    private readonly List<MappingDecision> _decisions = [];

    public ThresholdPreviewTests()
    {
        var windows = new SliWindows(_time, TimeSpan.FromMinutes(5));
        _telemetry = new MapperTelemetry(Metrics.NewCustomRegistry(), windows, new RecentDecisions(), new DecisionStats(_time, TimeSpan.FromHours(1)), "test", () => "2025.09");
    }

    [Fact]
    public void Preview_MixOfAnswersAndFallbacks_EqualsARecountOfTheDecisions()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var detector = i % 3 == 0 ? "presidio" : "openai-moderation";
            var roll = random.NextDouble();
            Record(roll switch
            {
                < 0.05 => Decision(detector, null, valid: false, FallbackReason.SchemaInvalid),
                < 0.08 => Decision(detector, null, valid: null, FallbackReason.ModelTimeout),
                _ => Answer(detector, Math.Round(random.NextDouble(), 3)),
            });
            _time.Advance(TimeSpan.FromMilliseconds(300));
        }

        foreach (var threshold in new[] { 0.0, 0.3, 0.6, 0.75, 0.99, 1.0 })
        {
            var preview = new ThresholdPreview(_telemetry, _controls).Preview(threshold, detector: null);

            Assert.Equal(_decisions.Count, preview.Requests);
            Assert.Equal(_decisions.Count(d => d.IsFallback), preview.FallbacksNow);
            Assert.Equal(Recount(threshold, _ => true), preview.FallbacksThen);
        }
    }

    [Fact]
    public void Preview_OneDetector_LeavesTheOthersOut()
    {
        Record(Answer("presidio", 0.7));
        Record(Answer("presidio", 0.8));
        Record(Answer("regex-pii", 0.1));

        var preview = new ThresholdPreview(_telemetry, _controls).Preview(0.75, "presidio");

        Assert.Equal((2L, 1L), (preview.Requests, preview.FallbacksThen));
        Assert.Contains("at 0.75 fallback for presidio over the last 15 min would have been 50.0% (now 0.0%), n=2", preview.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_GlobalChange_KeepsDetectorsWithTheirOwnThreshold()
    {
        _controls.Update(c => c with { DetectorThresholds = c.DetectorThresholds.SetItem("presidio", 0.2) });
        Record(Answer("presidio", 0.5));
        Record(Answer("regex-pii", 0.5));

        var preview = new ThresholdPreview(_telemetry, _controls).Preview(0.9, detector: null);

        Assert.Equal(1, preview.FallbacksThen);
    }

    [Fact]
    public void Preview_RulesOnly_SaysTheModelWasNotAsked()
    {
        Record(Decision("presidio", null, valid: null, FallbackReason.KillSwitch));

        var preview = new ThresholdPreview(_telemetry, _controls).Preview(0.1, detector: null);

        Assert.Equal(1, preview.FallbacksThen);
        Assert.Contains("never asked the model", preview.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_DecisionsOlderThanTheWindow_AreNotCounted()
    {
        Record(Answer("presidio", 0.1));
        _time.Advance(TimeSpan.FromMinutes(20));
        Record(Answer("presidio", 0.9));

        var preview = new ThresholdPreview(_telemetry, _controls).Preview(0.5, detector: null);

        Assert.Equal((1L, 0L), (preview.Requests, preview.FallbacksThen));
    }

    private long Recount(double threshold, Func<MappingDecision, bool> affected) =>
        _decisions.Count(d => d.FallbackReason is { } r && r != FallbackReason.LowConfidence)
        + _decisions.Count(d => d.ModelOutputValid == true && affected(d) && d.ModelConfidence < threshold);

    private void Record(MappingDecision decision)
    {
        _decisions.Add(decision);
        _telemetry.Record(decision);
    }

    private MappingDecision Answer(string detector, double confidence) =>
        Decision(detector, confidence, valid: true, confidence < 0.6 ? FallbackReason.LowConfidence : null);

    private MappingDecision Decision(string detector, double? confidence, bool? valid, FallbackReason? reason) => new()
    {
        Detector = detector,
        DetectorKnown = true,
        Route = reason is null ? "model" : "rules",
        FallbackReason = reason,
        ModelConfidence = confidence,
        ModelOutputValid = valid,
        Threshold = 0.6,
        Labels = ["OTHER.Unknown"],
        Confidence = confidence ?? 0,
        Model = "m@1",
        Duration = TimeSpan.FromMilliseconds(1),
        At = _time.GetUtcNow(),
    };
}
