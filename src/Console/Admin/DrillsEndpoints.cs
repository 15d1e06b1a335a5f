using Mapper.Console.Actions;
using Mapper.Console.Drills;

namespace Mapper.Console.Admin;

public sealed record DrillBody(string Kind, double ForMinutes, string? Reason = null);

public sealed record DrillView(RunningDrill? Running, string? Describes, IReadOnlyList<string> Kinds);

/// <summary><c>/api/v1/drills</c>: the running drill, start one (admin, ends by itself), stop it.</summary>
public static class DrillsEndpoints
{
    public static RouteGroupBuilder MapDrills(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/drills").WithTags("drills");
        group.MapGet("", (DrillControl drills) =>
            Results.Json(new DrillView(drills.Current, drills.Current is { } d ? DrillKinds.Describe(d.Kind) : null, DrillKinds.All), AdminJson.Responses))
            .WithSummary("The running drill, if any, and the kinds there are").Produces<DrillView>();

        group.MapPost("", (HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<DrillBody>(c, x, b => new StartDrill(b.Kind, Minutes(b.ForMinutes)) { Reason = b.Reason }))
            .WithSummary("Start a drill (admin): model-error, latency, schema-invalid, queue-stall or http-5xx, for a while").Accepts<DrillBody>("application/json").Produces<ActionResponse>();

        group.MapDelete("", async (HttpContext c, OperatorExecutor x) =>
            AdminResults.From(c, await x.RunAsync(AdminResults.ActorOf(c), new StopDrill(), c.RequestAborted)))
            .WithSummary("Stop the running drill (admin)").Produces<ActionResponse>();
        return api;
    }

    private static TimeSpan Minutes(double minutes) =>
        double.IsFinite(minutes) && minutes > 0 && minutes <= 24 * 60
            ? TimeSpan.FromMinutes(minutes)
            : throw ActionRefusedException.Invalid("for_minutes: a positive number of minutes, at most 1440");
}
