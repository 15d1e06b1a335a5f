using Mapper.Console.Api;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Drills;

/// <summary>
/// The http-5xx drill at the edge: while it runs, a share of mapping requests get a real 500 with the contract's
/// body, counted in the 5xx SLI like any other (that is what the drill is for). Outside a drill it only checks a number.
/// </summary>
public sealed class Http5xxDrill(RequestDelegate next, DrillControl drills, MapperTelemetry telemetry)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var share = drills.Http5xxShare;
        if (share > 0 && context.Request.Path.StartsWithSegments("/map") && Random.Shared.NextDouble() < share)
        {
            await ApiErrorWriter.WriteAsync(context,
                new ApiProblemException(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "drill: an injected 5xx (http-5xx drill)", retryable: true), telemetry);
            return;
        }

        await next(context);
    }
}
