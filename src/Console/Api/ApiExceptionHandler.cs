using Mapper.Engine.Telemetry;
using Microsoft.AspNetCore.Diagnostics;

namespace Mapper.Console.Api;

/// <summary>Anything unexpected: logged with its stack here, answered 500 INTERNAL_ERROR without one.</summary>
public static partial class ApiExceptionHandler
{
    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiExceptionHandler).FullName!);
        LogUnexpected(logger, error, context.Request.Path, context.TraceIdentifier);
        var problem = new ApiProblemException(
            StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "An unexpected error occurred; quote the request id when reporting it.", retryable: true);
        await ApiErrorWriter.WriteAsync(context, problem, services.GetRequiredService<MapperTelemetry>());
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unexpected failure on {Path}, request {RequestId}")]
    private static partial void LogUnexpected(ILogger logger, Exception? exception, string path, string requestId);
}
