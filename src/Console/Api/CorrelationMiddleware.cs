using System.Buffers;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Api;

/// <summary>
/// Outermost: gives every response an <c>X-Request-ID</c> (the client's when sane), echoes a sane
/// <c>Idempotency-Key</c>, and records the final status of mapping responses in the SLI window,
/// after the exception handler has turned a failure into a 500.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, MapperTelemetry telemetry)
{
    public const string RequestIdHeader = "X-Request-ID";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly SearchValues<char> SafeChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = context.Request.Headers[RequestIdHeader].ToString();
        if (!IsSane(requestId))
        {
            requestId = Guid.NewGuid().ToString("N");
        }

        context.TraceIdentifier = requestId;
        var idempotencyKey = IdempotencyKey(context.Request);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[RequestIdHeader] = requestId;
            if (idempotencyKey is not null)
            {
                context.Response.Headers[IdempotencyKeyHeader] = idempotencyKey;
            }

            return Task.CompletedTask;
        });

        var mapping = context.Request.Path.StartsWithSegments("/map");
        try
        {
            await next(context);
        }
        catch
        {
            if (mapping)
            {
                telemetry.RecordHttpResponse(StatusCodes.Status500InternalServerError);
            }

            throw;
        }

        if (mapping)
        {
            telemetry.RecordHttpResponse(context.Response.StatusCode);
        }
    }

    /// <summary>A client value that is safe to echo and to key on: 1 to 128 of [A-Za-z0-9._-].</summary>
    public static bool IsSane(string value) => value.Length is > 0 and <= 128 && !value.AsSpan().ContainsAnyExcept(SafeChars);

    public static string? IdempotencyKey(HttpRequest request)
    {
        var key = request.Headers[IdempotencyKeyHeader].ToString();
        return IsSane(key) ? key : null;
    }
}
