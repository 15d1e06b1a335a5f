using System.Text.Json;
using Mapper.Console.Api;
using Mapper.Engine.Pipeline;

namespace Mapper.Console.Playground;

/// <summary>What a person typed into the playground: a detector, its output, and optionally metadata (a JSON object) and a tenant.</summary>
public sealed record PlaygroundInput(string Detector, string Output, string? Metadata = null, string? TenantId = null);

/// <summary>
/// The API's checks on the playground's fields. The fields become the body the API would receive and go through
/// the API's own parser, raw-content guard and label limits, so the playground refuses exactly what <c>/map</c>
/// refuses, with the same message. A tenant makes the body a MapperPayload (metadata held to the contract's
/// fields); without one it is a legacy DetectorRequest (free metadata), as on the API.
/// </summary>
public static class PlaygroundChecks
{
    public const string RawContentAdvice = "; send the detector labels, not the scanned content";

    /// <summary>The request to map, or the refusal. <paramref name="alwaysGuard"/> applies the raw-content guard even where the API's is off (saved cases).</summary>
    public static (MapRequest? Request, string? Problem) Check(PlaygroundInput input, ApiOptions options, bool alwaysGuard = false)
    {
        var (body, unreadable) = Body(input);
        if (body is null)
        {
            return (null, unreadable);
        }

        if (body.Length > options.MaxPayloadBytes)
        {
            return (null, $"body: larger than the limit of {options.MaxPayloadKb} KB (Api:MaxPayloadKb)");
        }

        try
        {
            using var document = JsonBody.Parse(body);
            if ((options.RawContentGuard || alwaysGuard) && RawContentGuard.Check(document.RootElement) is { } verdict)
            {
                return (null, $"raw_content: {verdict.Message}{RawContentAdvice}");
            }

            var (item, error) = PayloadParser.Parse(document.RootElement);
            if (item is null)
            {
                return (null, error!.Message);
            }

            var words = LabelWork.Check(item.Request.Output, FieldPath.Top("output"), options);
            LabelWork.CheckTotal(words, FieldPath.Top("output"), options);
            return (item.Request with { Detector = item.Request.Detector.Trim() }, null);
        }
        catch (ApiProblemException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The body as a client would send it, or why it cannot be written.</summary>
    private static (byte[]? Body, string? Problem) Body(PlaygroundInput input)
    {
        string? field = null;
        using var stream = new MemoryStream();
        try
        {
            using var writer = new Utf8JsonWriter(stream);
            writer.WriteStartObject();
            field = "detector";
            writer.WriteString("detector", input.Detector);
            field = "output";
            writer.WriteString("output", input.Output);
            if (!string.IsNullOrWhiteSpace(input.TenantId))
            {
                field = "tenant_id";
                writer.WriteString("tenant_id", input.TenantId.Trim());
            }

            if (!string.IsNullOrWhiteSpace(input.Metadata))
            {
                field = "metadata";
                writer.WritePropertyName("metadata");
                writer.WriteRawValue(input.Metadata);
            }

            writer.WriteEndObject();
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // WriteString refuses text that is not valid Unicode (a lone surrogate); WriteRawValue refuses text that is not JSON.
            return (null, field == "metadata"
                ? "metadata: not valid JSON; give an object such as {\"aggregation_method\": \"majority_vote\"}, or leave it empty"
                : $"{field}: not valid Unicode text");
        }

        return (stream.ToArray(), null);
    }
}
