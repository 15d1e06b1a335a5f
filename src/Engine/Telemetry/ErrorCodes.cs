namespace Mapper.Engine.Telemetry;

/// <summary>The <c>error_code</c> values of contract §4; also the label values of <c>mapper_errors_total</c>.</summary>
public static class ErrorCodes
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string InsufficientRbac = "INSUFFICIENT_RBAC";
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalError = "INTERNAL_ERROR";

    public static readonly IReadOnlyList<string> All = [InvalidRequest, Unauthorized, InsufficientRbac, RateLimited, InternalError];
}

/// <summary>The <c>reason</c> values of <c>mapper_request_payload_rejected_total</c>.</summary>
public static class PayloadRejection
{
    public const string Oversize = "oversize";
    public const string RawContent = "raw_content";
}
