using System.Globalization;
using Mapper.Engine.Controls;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Monitoring;

/// <summary>What a proposed threshold would have done to the fallback rate over the recent window.</summary>
public sealed record WhatIf(
    double Threshold,
    string? Detector,
    TimeSpan Window,
    DateTimeOffset From,
    long Requests,
    long FallbacksNow,
    long FallbacksThen,
    long ModelAnswers,
    long NotAsked)
{
    public double? PercentNow => Requests == 0 ? null : 100.0 * FallbacksNow / Requests;

    public double? PercentThen => Requests == 0 ? null : 100.0 * FallbacksThen / Requests;

    /// <summary>"at 0.75 fallback over the last 15 min would have been 8.2% (now 6.1%), n=1,234".</summary>
    public string Sentence
    {
        get
        {
            var scope = Detector is null ? "" : $" for {Detector}";
            var minutes = (int)Math.Round(Window.TotalMinutes);
            if (Requests == 0)
            {
                return $"no requests{scope} in the last {minutes} min: nothing to preview";
            }

            var text = string.Create(CultureInfo.InvariantCulture,
                $"at {Threshold:0.00} fallback{scope} over the last {minutes} min would have been {PercentThen:0.0}% (now {PercentNow:0.0}%), n={Requests:N0}");
            return NotAsked > 0 ? text + $"; {NotAsked:N0} requests never asked the model (rules-only or no model), so they fall back either way" : text;
        }
    }
}

/// <summary>
/// The what-if behind every threshold form: recounts the window's decisions under a proposed threshold. Every
/// valid model answer's confidence is kept (see <see cref="DecisionStats"/>), so the recount is exact: fallbacks
/// for other reasons stay, and a valid answer falls back exactly when its confidence is below the threshold that
/// would have applied to its detector.
/// </summary>
public sealed class ThresholdPreview(MapperTelemetry telemetry, RuntimeControlsStore controls)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(15);

    /// <param name="threshold">Two decimals (the form's step); more precision is rounded.</param>
    /// <param name="detector">The detector whose own threshold would change, or null for the global one.</param>
    /// <param name="window">How far back to recount (default 15 minutes, at most the hour the stats keep).</param>
    public WhatIf Preview(double threshold, string? detector, TimeSpan? window = null)
    {
        var span = window ?? DefaultWindow;
        threshold = Math.Round(Math.Clamp(threshold, 0, 1), 2);
        var current = controls.Current;
        var decisions = telemetry.Decisions.Window(span);
        long requests = 0, now = 0, then = 0, answers = 0, notAsked = 0;
        foreach (var d in decisions.Detectors)
        {
            // A global change leaves detectors with their own threshold as they are; a detector change touches only it.
            var affected = detector is null ? !current.DetectorThresholds.ContainsKey(d.Detector) : d.Detector == detector;
            if (detector is not null && !affected)
            {
                continue;
            }

            var lowConfidence = d.FallbacksFor(FallbackReason.LowConfidence);
            var otherFallbacks = d.FallbackTotal - lowConfidence;
            var proposed = affected ? threshold : current.ThresholdFor(d.Detector);
            requests += d.Requests;
            now += d.FallbackTotal;
            then += otherFallbacks + d.ValidBelow(proposed);
            answers += d.ModelValid;
            notAsked += d.FallbacksFor(FallbackReason.KillSwitch) + d.FallbacksFor(FallbackReason.NoModel);
        }

        return new WhatIf(threshold, detector, span, decisions.From, requests, now, then, answers, notAsked);
    }
}
