using Mapper.Console.Actions;
using Mapper.Console.Incidents;

namespace Mapper.Console.Admin;

/// <summary>
/// <c>/api/v1/incidents</c>: list and open incidents; one incident's timeline (filter by kind) and post-mortem; its
/// status, severity, commander, title and summary, linked alerts, notes and their edits, pinned playground runs; and
/// paging the secondary on-call. Every change through the executor (operator role).
/// </summary>
public static class IncidentsEndpoints
{
    public static RouteGroupBuilder MapIncidents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incidents").WithTags("incidents");
        group.MapGet("", async (IncidentsService incidents, int? recent, CancellationToken ct) =>
            Results.Json((await incidents.ListAsync(Math.Clamp(recent ?? IncidentsService.DefaultRecent, 0, 500), ct)).Select(IncidentView.From).ToList(), AdminJson.Responses))
            .WithSummary("Open incidents (newest start first), then the most recently resolved").Produces<List<IncidentView>>();

        group.MapPost("", (HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<OpenIncidentBody>(c, x, b =>
            new OpenIncident(b.Title, b.Severity, b.Summary, b.Alert, b.StartedAt) { Reason = b.Reason }, StatusCodes.Status201Created))
            .WithSummary("Open an incident (optionally from an alert, which is linked); created is its id").Accepts<OpenIncidentBody>("application/json").Produces<ActionResponse>(201);

        group.MapGet("/{id:long}", async (HttpContext c, long id, string? kind, IncidentsService incidents) =>
        {
            TimelineKind? filter = null;
            if (kind is { Length: > 0 })
            {
                if (!Enum.TryParse<TimelineKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
                {
                    return AdminResults.Invalid(c, $"kind: one of {string.Join(", ", Enum.GetNames<TimelineKind>().Select(n => n.ToLowerInvariant()))}, not '{kind}'");
                }

                filter = parsed;
            }

            return await incidents.TimelineAsync(id, c.RequestAborted) is { } view
                ? Results.Json(new IncidentTimelineApiView(IncidentView.From(view.Incident), view.WindowStart, view.WindowEnd, [.. view.OfKind(filter).Select(TimelineEventView.Of)]), AdminJson.Responses)
                : NotFound(c, id);
        }).WithSummary("The incident and its timeline sorted by occurred-at (kind: alert, incident, action, runbook, drill, playground, pin, escalation, note)").Produces<IncidentTimelineApiView>();

        group.MapGet("/{id:long}/export", async (HttpContext c, long id, IncidentsService incidents) =>
        {
            if (await incidents.ExportAsync(id, c.RequestAborted) is not { } export)
            {
                return NotFound(c, id);
            }

            c.Response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName}\"";
            return Results.Text(export.Markdown, "text/markdown; charset=utf-8");
        }).WithSummary("The post-mortem as Markdown");

        group.MapPut("/{id:long}/status", (long id, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<IncidentStatusBody>(c, x, b => new SetIncidentStatus(id, b.Status) { Reason = b.Reason }))
            .WithSummary("investigating, mitigated or resolved (a reason is required)").Accepts<IncidentStatusBody>("application/json").Produces<ActionResponse>();
        group.MapPut("/{id:long}/severity", (long id, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<IncidentSeverityBody>(c, x, b => new SetIncidentSeverity(id, b.Severity) { Reason = b.Reason }))
            .WithSummary("critical or warning (a reason is required)").Accepts<IncidentSeverityBody>("application/json").Produces<ActionResponse>();
        group.MapPut("/{id:long}/commander", (long id, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<CommanderBody>(c, x, b => new SetCommander(id, b.Commander) { Reason = b.Reason }))
            .WithSummary("Hand the incident to another active account").Accepts<CommanderBody>("application/json").Produces<ActionResponse>();
        group.MapPatch("/{id:long}", (long id, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<EditIncidentBody>(c, x, b => new EditIncident(id, b.Title, b.Summary) { Reason = b.Reason }))
            .WithSummary("A new title and/or summary").Accepts<EditIncidentBody>("application/json").Produces<ActionResponse>();
        group.MapPost("/{id:long}/alerts", (long id, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<LinkAlertBody>(c, x, b => new LinkAlert(id, b.Alert) { Reason = b.Reason }))
            .WithSummary("Link an alert: its transitions join the timeline").Accepts<LinkAlertBody>("application/json").Produces<ActionResponse>();
        group.MapPost("/{id:long}/notes", (long id, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<NoteBody>(c, x, b => new AddNote(id, b.Text, b.OccurredAt, b.FollowUp), StatusCodes.Status201Created))
            .WithSummary("Add a note (occurred_at may be earlier than now; follow_up for the post-mortem)").Accepts<NoteBody>("application/json").Produces<ActionResponse>(201);
        group.MapPut("/{id:long}/notes/{note:long}", (long id, long note, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<EditNoteBody>(c, x, b => new EditNote(id, note, b.Text, b.OccurredAt)))
            .WithSummary("Edit a note: a new revision, the earlier ones kept").Accepts<EditNoteBody>("application/json").Produces<ActionResponse>();
        group.MapPost("/{id:long}/pins", (long id, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<PinBody>(c, x, b => new PinPlaygroundRun(id, b.AuditId) { Reason = b.Reason }))
            .WithSummary("Pin a playground run (its audit row) to the timeline").Accepts<PinBody>("application/json").Produces<ActionResponse>();
        group.MapPost("/{id:long}/page", (long id, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<PageBody>(c, x, b => new PageSecondary(id) { Reason = b.Reason }))
            .WithSummary("Page the secondary on-call for this incident (the reason is the page's message)").Accepts<PageBody>("application/json").Produces<ActionResponse>();
        group.MapPost("/page", (HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<PageBody>(c, x, b => new PageSecondary(b.IncidentId) { Reason = b.Reason }))
            .WithSummary("Page the secondary on-call, for an incident or none").Accepts<PageBody>("application/json").Produces<ActionResponse>();
        return api;
    }

    private static IResult NotFound(HttpContext c, long id) =>
        AdminErrorWriter.Result(c, StatusCodes.Status404NotFound, "NOT_FOUND", $"there is no incident {id}");
}
