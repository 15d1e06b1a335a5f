using Mapper.Console.Monitoring;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Admin;

/// <summary>
/// <c>/api/v1/decisions</c>: the recent decisions the engine keeps (metadata only: detector, route, fallback reason,
/// the model's confidence, threshold, labels, timings; never the raw output), and the threshold what-if over them.
/// </summary>
public static class DecisionsEndpoints
{
    public static RouteGroupBuilder MapDecisions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/decisions").WithTags("decisions");
        group.MapGet("/recent", (MapperTelemetry telemetry) => Results.Json(telemetry.Recent.Snapshot(), AdminJson.Responses))
            .WithSummary("The most recent decisions, oldest first (metadata only)").Produces<List<RecentDecision>>();

        group.MapGet("/what-if", (HttpContext c, ThresholdPreview preview, double? threshold, string? detector, double? minutes) =>
        {
            if (threshold is not { } t || !double.IsFinite(t) || t is < 0 or > 1 || minutes is { } m && (!double.IsFinite(m) || m is <= 0 or > 60))
            {
                return AdminResults.Invalid(c, "threshold: required, within [0, 1]; minutes: optional, up to 60");
            }

            return Results.Json(preview.Preview(t, detector, minutes is { } span ? TimeSpan.FromMinutes(span) : null), AdminJson.Responses);
        }).WithSummary("What the fallback rate would have been at another threshold, over the recent window").Produces<WhatIf>();
        return api;
    }
}
