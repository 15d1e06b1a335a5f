using System.Text.Json;
using Mapper.Console.Api;

namespace Mapper.Console.Admin;

/// <summary>Admin API errors in the contract's shape: <c>{"detail": {"error_code", "message", "request_id", "retryable"}}</c>.</summary>
public static class AdminErrorWriter
{
    public static async Task WriteAsync(HttpContext context, int status, string errorCode, string message, bool retryable = false)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var body = new ErrorBody(new ErrorDetail(errorCode, message, context.TraceIdentifier, retryable));
        await JsonSerializer.SerializeAsync(context.Response.Body, body, AdminJson.Responses, context.RequestAborted);
    }

    public static IResult Result(HttpContext context, int status, string errorCode, string message, bool retryable = false) =>
        Results.Json(new ErrorBody(new ErrorDetail(errorCode, message, context.TraceIdentifier, retryable)), AdminJson.Responses, statusCode: status);
}
