using System.Security.Claims;
using Mapper.Console.Actions;

namespace Mapper.Console.Admin;

/// <summary>An applied action: what the executor said, the audit row, and the epoch now live.</summary>
public sealed record ActionResponse(string Status, string Message, long? AuditId, long Epoch, string? Created = null, string? Secret = null);

/// <summary>Turns executor outcomes and bad bodies into responses, and callers into actors.</summary>
public static class AdminResults
{
    /// <summary>The door a call came through: the CLI says so in <c>X-Mapper-Client</c>; anything else is the API.</summary>
    public const string ClientHeader = "X-Mapper-Client";

    public static Actor ActorOf(HttpContext context) => new(
        context.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous",
        string.Equals(context.Request.Headers[ClientHeader].ToString(), "cli", StringComparison.OrdinalIgnoreCase) ? Door.Cli : Door.Api,
        context.TraceIdentifier);

    public static IResult From(HttpContext context, ActionOutcome outcome, int successStatus = StatusCodes.Status200OK) => outcome.Status switch
    {
        ActionStatus.Applied => Results.Json(
            new ActionResponse("applied", outcome.Message, outcome.AuditId, outcome.Epoch, outcome.Created, outcome.Secret), AdminJson.Responses, statusCode: successStatus),
        ActionStatus.Denied => AdminErrorWriter.Result(context, StatusCodes.Status403Forbidden, "INSUFFICIENT_RBAC", outcome.Message),
        ActionStatus.Invalid => Invalid(context, outcome.Message),
        ActionStatus.Stale => AdminErrorWriter.Result(context, StatusCodes.Status409Conflict, "STALE", outcome.Message),
        ActionStatus.Refused => AdminErrorWriter.Result(context, StatusCodes.Status409Conflict, "REFUSED", outcome.Message),
        _ => AdminErrorWriter.Result(context, StatusCodes.Status503ServiceUnavailable, "UNAVAILABLE", outcome.Message, retryable: true),
    };

    public static IResult Invalid(HttpContext context, string message) =>
        AdminErrorWriter.Result(context, StatusCodes.Status422UnprocessableEntity, "INVALID_REQUEST", message);

    /// <summary>Reads the body, runs the command it makes, and answers; a bad body never reaches the executor.</summary>
    public static async Task<IResult> RunAsync<TBody>(
        HttpContext context, OperatorExecutor executor, Func<TBody, OperatorCommand> command, int successStatus = StatusCodes.Status200OK)
        where TBody : class
    {
        var (body, error) = await AdminJson.ReadAsync<TBody>(context.Request);
        if (body is null)
        {
            return Invalid(context, error!);
        }

        OperatorCommand built;
        try
        {
            built = command(body);
        }
        catch (ActionRefusedException e)
        {
            return Invalid(context, e.Message);
        }

        return From(context, await executor.RunAsync(ActorOf(context), built, context.RequestAborted), successStatus);
    }
}
