using Mapper.Console.Actions;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;

namespace Mapper.Console.Admin;

/// <summary>The stored versions with their metrics, which one served when, and what serves now.</summary>
public sealed record AdaptersView(string? Active, int Revision, string State, string? LastError, IReadOnlyList<AdapterManifest> Versions, IReadOnlyList<AdapterServed> History, IReadOnlyList<string> Unreadable);

/// <summary><c>/api/v1/adapters</c>: list, activate, roll back, and train with progress.</summary>
public static class AdaptersEndpoints
{
    public static RouteGroupBuilder MapAdapters(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/adapters").WithTags("adapters");
        group.MapGet("", async (IServiceProvider services, LiveRecord live, AuditQueries audit, CancellationToken ct) =>
        {
            var store = services.GetService<AdapterStore>();
            var registry = services.GetService<AdapterRegistry>();
            var history = await audit.AdapterHistoryAsync(ct);
            var c = live.Current.Controls;
            return Results.Json(new AdaptersView(
                c.ActiveAdapter, c.AdapterRevision, (registry?.State ?? AdapterState.None).ToString().ToLowerInvariant(), registry?.LastError,
                store?.List() ?? [], history, store?.Unreadable() ?? []), AdminJson.Responses);
        }).WithSummary("Stored versions, activation history, and what serves").Produces<AdaptersView>();

        group.MapPost("/activate", (HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<ActivateBody>(c, x, b => new ActivateAdapter(b.Id, b.Version)
        {
            Reason = b.Reason,
            ExpectedEpoch = b.ExpectedEpoch,
        })).WithSummary("Gate a stored version and make it live as a new revision").Accepts<ActivateBody>("application/json").Produces<ActionResponse>();

        group.MapPost("/rollback", (HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<RollbackBody>(c, x, b => new RollbackAdapter(b.Version)
        {
            Reason = b.Reason,
            ExpectedEpoch = b.ExpectedEpoch,
        })).WithSummary("Return to a version that served before, as a new revision").Accepts<RollbackBody>("application/json").Produces<ActionResponse>();

        group.MapGet("/training", (IServiceProvider services) => Results.Json(new TrainingView(services.GetService<TrainingJobs>()?.Current), AdminJson.Responses))
            .WithSummary("The current or last training run, with progress").Produces<TrainingView>();

        group.MapPost("/training", (HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<TrainingBody>(c, x, b => new StartTraining(b.Activate) { Reason = b.Reason }, StatusCodes.Status202Accepted))
            .WithSummary("Train the next version from the current data (one run at a time)").Accepts<TrainingBody>("application/json").Produces<ActionResponse>(StatusCodes.Status202Accepted);

        group.MapDelete("/training", async (HttpContext c, OperatorExecutor x) =>
            AdminResults.From(c, await x.RunAsync(AdminResults.ActorOf(c), new CancelTraining(), c.RequestAborted)))
            .WithSummary("Cancel the running training").Produces<ActionResponse>();
        return api;
    }
}

public sealed record TrainingView(TrainingStatus? Run);
