using System.Globalization;
using System.Text.Json.Nodes;

namespace Mapper.EndToEnd.Tests.Support;

/// <summary>
/// The threshold what-if recomputed here from the metadata of each recent decision (<c>GET /api/v1/decisions/recent</c>),
/// not from the console's per-minute counts the page uses: under a proposed global threshold, a request falls back
/// when it fell back for a reason other than low confidence, or when the model gave a valid answer whose confidence
/// is below the threshold that would apply to its detector (its own, if it has one; else the proposed one).
/// </summary>
public sealed record WhatIfRecount(double Threshold, long Requests, long FallbacksNow, long FallbacksThen, long NotAsked)
{
    /// <summary>How far back the page looks (<c>ThresholdPreview.DefaultWindow</c>), in one-minute buckets.</summary>
    public const int WindowMinutes = 15;

    public static WhatIfRecount Of(IEnumerable<JsonNode> decisions, double threshold, IReadOnlyDictionary<string, double> ownThresholds)
    {
        long requests = 0, now = 0, then = 0, notAsked = 0;
        foreach (var d in decisions)
        {
            requests++;
            var reason = (string?)d["fallback_reason"];
            if (reason is not null)
            {
                now++;
                then += reason == "low_confidence" ? 0 : 1;
                notAsked += reason is "kill_switch" or "no_model" ? 1 : 0;
            }

            var applies = ownThresholds.TryGetValue((string)d["detector"]!, out var own) ? own : threshold;
            if ((bool?)d["model_output_valid"] == true && (double?)d["model_confidence"] is { } confidence && confidence < applies)
            {
                then++;
            }
        }

        return new WhatIfRecount(threshold, requests, now, then, notAsked);
    }

    /// <summary>
    /// The first bucket the page counts when it computes at <paramref name="at"/>: the current minute and the 14 before
    /// it (<c>DecisionStats.Window</c>), so "the last 15 min" starts between 14 and 15 minutes back.
    /// </summary>
    public static DateTimeOffset WindowStart(DateTimeOffset at) =>
        new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(-(WindowMinutes - 1));

    /// <summary>The page's sentence for these numbers, formatted as the console formats it.</summary>
    public string Sentence()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"at {Threshold:0.00} fallback over the last {WindowMinutes} min would have been {100.0 * FallbacksThen / Requests:0.0}% (now {100.0 * FallbacksNow / Requests:0.0}%), n={Requests:N0}");
        return NotAsked > 0
            ? text + string.Create(CultureInfo.InvariantCulture, $"; {NotAsked:N0} requests never asked the model (rules-only or no model), so they fall back either way")
            : text;
    }
}
