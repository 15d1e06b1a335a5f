using Mapper.Console.Actions;

namespace Mapper.Console.Admin;

/// <summary><c>/api/v1/controls</c>: read what is live; change the kill switch, thresholds and batch limits; restore or reset.</summary>
public static class ControlsEndpoints
{
    public static RouteGroupBuilder MapControls(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/controls").WithTags("controls");
        group.MapGet("", (LiveRecord live) => Results.Json(ControlsView.From(live), AdminJson.Responses))
            .WithSummary("What is live, each setting with who changed it last").Produces<ControlsView>();

        group.MapPut("/kill-switch", (HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<KillSwitchBody>(c, x, b => new SetKillSwitch(b.On, RevertAfter(b.RevertAfterMinutes))
        {
            Reason = b.Reason,
            ExpectedEpoch = b.ExpectedEpoch,
        })).WithSummary("Kill switch on (rules only, optional auto-revert) or off").Accepts<KillSwitchBody>("application/json").Produces<ActionResponse>();

        group.MapPut("/threshold", (HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<ThresholdBody>(c, x, b => new SetThreshold(null, b.Value)
        {
            Reason = b.Reason,
            ExpectedEpoch = b.ExpectedEpoch,
        })).WithSummary("Set the global confidence threshold").Accepts<ThresholdBody>("application/json").Produces<ActionResponse>();

        group.MapPut("/thresholds/{detector}", (string detector, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<ThresholdBody>(c, x, b => new SetThreshold(detector, b.Value)
        {
            Reason = b.Reason,
            ExpectedEpoch = b.ExpectedEpoch,
        })).WithSummary("Set one detector's threshold").Accepts<ThresholdBody>("application/json").Produces<ActionResponse>();

        group.MapDelete("/thresholds/{detector}", (string detector, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<ReasonBody>(c, x, b => new ClearThreshold(detector)
        {
            Reason = b.Reason,
            ExpectedEpoch = b.ExpectedEpoch,
        })).WithSummary("Clear a detector's threshold (it follows the global one again)").Accepts<ReasonBody>("application/json").Produces<ActionResponse>();

        group.MapPut("/batch-limits", (HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<BatchLimitsBody>(c, x, b => new SetBatchLimits(b.MaxBatchSize, b.MaxBatchWaitMs)
        {
            Reason = b.Reason,
            ExpectedEpoch = b.ExpectedEpoch,
        })).WithSummary("Set the micro-batcher's limits").Accepts<BatchLimitsBody>("application/json").Produces<ActionResponse>();

        group.MapPost("/restore", (HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<RestoreBody>(c, x, b => new RestoreControls(b.At)
        {
            Reason = b.Reason,
            ExpectedEpoch = b.ExpectedEpoch,
        })).WithSummary("Restore every control as it was at a past time (the adapter stays)").Accepts<RestoreBody>("application/json").Produces<ActionResponse>();

        group.MapPost("/reset", (HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<ReasonBody>(c, x, b => new ResetControls
        {
            Reason = b.Reason,
            ExpectedEpoch = b.ExpectedEpoch,
        })).WithSummary("Reset every control to the configured defaults (the adapter stays)").Accepts<ReasonBody>("application/json").Produces<ActionResponse>();
        return api;
    }

    private static TimeSpan? RevertAfter(double? minutes) => minutes switch
    {
        null => null,
        { } m when double.IsFinite(m) && m > 0 && m <= ControlActions.MaxRevertAfter.TotalMinutes => TimeSpan.FromMinutes(m),
        _ => throw ActionRefusedException.Invalid($"revert_after_minutes: give 1 to {ControlActions.MaxRevertAfter.TotalMinutes:0}, or leave it out"),
    };
}
