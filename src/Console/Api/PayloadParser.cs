using System.Text.Json;
using Mapper.Engine.Pipeline;

namespace Mapper.Console.Api;

/// <summary>One parsed item: the request to map, and whether it came in the legacy DetectorRequest shape.</summary>
public sealed record ParsedItem(MapRequest Request, bool Legacy);

/// <summary>
/// Contract §2. A body that names a <c>tenant_id</c> is a MapperPayload and is held to it strictly
/// (tenant 1 to 64 characters, metadata with exactly the contract's fields); a body without one is a
/// legacy DetectorRequest (free metadata). Errors name the field at fault, never its value.
/// </summary>
public static class PayloadParser
{
    public const int MaxDetectorLength = 128;
    public const int MaxTenantLength = 64;

    /// <summary>
    /// The item, or the problem naming the field at fault. The body's strings are valid Unicode and its
    /// numbers finite (<see cref="JsonBody"/> saw to it).
    /// </summary>
    public static (ParsedItem? Item, FieldProblem? Error) Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, FieldPath.Body.Problem("must be a JSON object"));
        }

        if (Detector(body) is not { } detector)
        {
            return (null, FieldProblem.Plain($"detector: required, a string of 1 to {MaxDetectorLength} characters"));
        }

        if (!body.TryGetProperty("output", out var output) || output.ValueKind == JsonValueKind.Null)
        {
            return (null, FieldProblem.Plain("output: required, a string"));
        }

        if (output.ValueKind != JsonValueKind.String)
        {
            return (null, FieldProblem.Plain("output: must be a string"));
        }

        var hasMetadata = body.TryGetProperty("metadata", out var metadata) && metadata.ValueKind != JsonValueKind.Null;
        if (hasMetadata && metadata.ValueKind != JsonValueKind.Object)
        {
            return (null, FieldProblem.Plain("metadata: must be an object"));
        }

        if (!body.TryGetProperty("tenant_id", out var tenant) || tenant.ValueKind == JsonValueKind.Null)
        {
            return (new ParsedItem(new MapRequest(detector, output.GetString()!), Legacy: true), null);
        }

        if (tenant.ValueKind != JsonValueKind.String || tenant.GetString()!.Length is < 1 or > MaxTenantLength)
        {
            return (null, FieldProblem.Plain($"tenant_id: required, 1 to {MaxTenantLength} characters"));
        }

        if (hasMetadata && MetadataValidator.Validate(metadata) is { } problem)
        {
            return (null, problem);
        }

        return (new ParsedItem(new MapRequest(detector, output.GetString()!, tenant.GetString()), Legacy: false), null);
    }

    /// <summary>The detector name as sent, when it is a usable string.</summary>
    public static string? Detector(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object
        && body.TryGetProperty("detector", out var detector)
        && detector.ValueKind == JsonValueKind.String
        && detector.GetString()!.Trim().Length is >= 1 and <= MaxDetectorLength
            ? detector.GetString()!.Trim()
            : null;

    /// <summary>The tenant as sent, when it is a string.</summary>
    public static string? Tenant(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("tenant_id", out var tenant) && tenant.ValueKind == JsonValueKind.String
            ? tenant.GetString()
            : null;
}
