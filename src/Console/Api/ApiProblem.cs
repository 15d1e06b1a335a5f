using System.Text.Json;
using Mapper.Engine.Telemetry;
using Mapper.Engine.Validation;

namespace Mapper.Console.Api;

/// <summary>A request the API refuses, with the status and error code of contract §4.</summary>
public sealed class ApiProblemException(int status, string errorCode, string message, bool retryable = false) : Exception(message)
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = errorCode;

    public bool Retryable { get; } = retryable;

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The message as the log may have it: the same, less any client-controlled text (key names).</summary>
    public string LogMessage { get; init; } = message;

    public static ApiProblemException Invalid(string message) => new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.InvalidRequest, message);

    public static ApiProblemException Invalid(FieldProblem problem) =>
        new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.InvalidRequest, problem.Message) { LogMessage = problem.LogMessage };

    public static ApiProblemException BadRequest(string message) => new(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, message);

    public static ApiProblemException BadRequest(FieldProblem problem) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, problem.Message) { LogMessage = problem.LogMessage };

    /// <summary>415: the body is not declared as JSON (a text/plain POST is one a browser sends cross-site without asking).</summary>
    public static ApiProblemException UnsupportedMediaType(string message) => new(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.InvalidRequest, message);
}

/// <summary>The error body: <c>{"detail": {"error_code", "message", "request_id", "retryable"}}</c>.</summary>
public sealed record ErrorBody(ErrorDetail Detail);

public sealed record ErrorDetail(string ErrorCode, string Message, string RequestId, bool Retryable);

public static class ApiErrorWriter
{
    public static async Task WriteAsync(HttpContext context, ApiProblemException problem, MapperTelemetry telemetry)
    {
        telemetry.RecordError(problem.ErrorCode);
        var response = context.Response;
        response.StatusCode = problem.Status;
        if (problem.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var body = new ErrorBody(new ErrorDetail(problem.ErrorCode, problem.Message, context.TraceIdentifier, problem.Retryable));
        response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(response.Body, body, EventJson.Options, context.RequestAborted);
    }
}
