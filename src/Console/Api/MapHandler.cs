using System.Globalization;
using System.Text.Json;
using Mapper.Engine.Model;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Telemetry;
using Mapper.Engine.Validation;

namespace Mapper.Console.Api;

/// <summary>
/// <c>POST /map</c> and <c>POST /map/batch</c>: key, content type, size limit, JSON, raw-content guard, shape,
/// work limits, tenant, idempotency, rate limit, then the engine. Refusals are answered with the error body
/// of contract §4; no body, however hostile, reaches the engine in a form it cannot read.
/// </summary>
public sealed partial class MapHandler(
    BatchMapper batches, MapperTelemetry telemetry, ApiOptions options, ApiKeyAuthenticator keys,
    CallerRateLimiter limiter, IdempotencyStore idempotency, ILogger<MapHandler> logger)
{
    public const string DeprecatedType = "DetectorRequest";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public Task MapAsync(HttpContext context) => HandleAsync(context, batch: false);

    public Task MapBatchAsync(HttpContext context) => HandleAsync(context, batch: true);

    private async Task HandleAsync(HttpContext context, bool batch)
    {
        try
        {
            var key = keys.Authenticate(context.Request, ApiKeyAuthenticator.MapWriteScope);
            JsonContentType.Require(context.Request);
            var body = await BodyReader.ReadAsync(context.Request, options.MaxPayloadBytes, context.RequestAborted);
            if (body is null)
            {
                telemetry.RecordPayloadRejected(PayloadRejection.Oversize);
                throw ApiProblemException.BadRequest($"body: larger than the limit of {options.MaxPayloadKb} KB");
            }

            using var document = JsonBody.Parse(body);
            if (options.RawContentGuard && RawContentGuard.Check(document.RootElement) is { } verdict)
            {
                telemetry.RecordPayloadRejected(PayloadRejection.RawContent);
                const string advice = "; send the detector labels, not the scanned content";
                throw ApiProblemException.BadRequest(new FieldProblem($"raw_content: {verdict.Message}{advice}", $"raw_content: {verdict.LogMessage}{advice}"));
            }

            var work = batch ? batches.Prepare(document.RootElement) : PrepareSingle(document.RootElement);
            foreach (var tenant in work.Tenants.Cast<string?>().DefaultIfEmpty(null))
            {
                ApiKeyAuthenticator.AuthorizeTenant(context.Request, key, tenant);
            }

            var tenantKey = Header(context, ApiKeyAuthenticator.TenantHeader) ?? work.Tenants.FirstOrDefault() ?? "-";
            var idempotencyKey = CorrelationMiddleware.IdempotencyKey(context.Request) is { } k ? IdempotencyStore.Key(tenantKey, context.Request.Path, k) : null;
            var bodyHash = IdempotencyStore.Hash(body);
            if (idempotencyKey is not null && idempotency.Find(idempotencyKey) is { } first)
            {
                if (!first.BodyHash.AsSpan().SequenceEqual(bodyHash))
                {
                    throw ApiProblemException.Invalid($"{CorrelationMiddleware.IdempotencyKeyHeader}: already used with a different body; use a new key");
                }

                context.Response.Headers[ReplayedHeader] = "true";
                await WriteAsync(context, new PreparedAnswer(first.Status, first.Response, first.Legacy));
                return;
            }

            limiter.Acquire(context, key, work.Work);
            var answer = await work.Run(context.RequestAborted);
            if (idempotencyKey is not null)
            {
                idempotency.Store(idempotencyKey, bodyHash, answer.Status, answer.Body, answer.Legacy);
            }

            await WriteAsync(context, answer);
        }
        catch (ApiProblemException problem)
        {
            LogRefused(logger, problem.Status, problem.ErrorCode, problem.LogMessage);
            await ApiErrorWriter.WriteAsync(context, problem, telemetry);
        }
        catch (ModelOverloadedException)
        {
            var problem = new ApiProblemException(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "The model is saturated; retry shortly", retryable: true)
            {
                RetryAfter = TimeSpan.FromSeconds(1),
            };
            LogRefused(logger, problem.Status, problem.ErrorCode, problem.Message);
            await ApiErrorWriter.WriteAsync(context, problem, telemetry);
        }
        catch (BadHttpRequestException e)
        {
            // The server could not read the body the client sent (cut short, too slow): the client's fault, answered as such.
            var problem = new ApiProblemException(e.StatusCode, ErrorCodes.InvalidRequest, e.StatusCode switch
            {
                StatusCodes.Status408RequestTimeout => "body: arrived too slowly",
                StatusCodes.Status413PayloadTooLarge => $"body: larger than the limit of {options.MaxPayloadKb} KB",
                _ => "body: could not be read (it ended before its Content-Length, or its framing is broken)",
            });
            LogRefused(logger, problem.Status, problem.ErrorCode, problem.Message);
            await ApiErrorWriter.WriteAsync(context, problem, telemetry);
        }
    }

    private PreparedWork PrepareSingle(JsonElement root)
    {
        var (item, error) = PayloadParser.Parse(root);
        if (item is null)
        {
            telemetry.RecordItemError(batches.DetectorLabel(PayloadParser.Detector(root)));
            throw ApiProblemException.Invalid(error!);
        }

        var words = LabelWork.Check(item.Request.Output, FieldPath.Top("output"), options);
        LabelWork.CheckTotal(words, FieldPath.Top("output"), options);
        if (item.Legacy)
        {
            telemetry.RecordDeprecated(DeprecatedType);
        }

        return new PreparedWork(item.Request.TenantId is { } t ? [t] : [], words, async ct =>
        {
            var outcome = await batches.Pipeline.MapAsync(item.Request, MapOptions.Default, ct);
            return new PreparedAnswer(StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(outcome.Event, EventJson.Options), item.Legacy);
        });
    }

    private async Task WriteAsync(HttpContext context, PreparedAnswer answer)
    {
        var response = context.Response;
        if (answer.Legacy)
        {
            response.Headers["Deprecation"] = "true";
            response.Headers["Sunset"] = options.SunsetDate.ToString("R", CultureInfo.InvariantCulture);
            response.Headers.Link = $"<{options.LegacySunsetLink}>; rel=\"sunset\"";
        }

        response.StatusCode = answer.Status;
        response.ContentType = "application/json";
        await response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    private static string? Header(HttpContext context, string name) =>
        context.Request.Headers[name].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>The reason is the message less client text: key names the contract does not define are left out.</summary>
    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Refused a mapping request: {Status} {ErrorCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string errorCode, string reason);
}

/// <summary>A validated request, ready to run: its tenants (for authorization), its work in label words (for the rate limit), and the mapping.</summary>
public sealed record PreparedWork(IReadOnlyList<string> Tenants, int Work, Func<CancellationToken, Task<PreparedAnswer>> Run);
