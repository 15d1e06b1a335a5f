using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mapper.Console.Admin;

/// <summary>
/// How the admin API reads and writes JSON: snake_case, nulls written (a null says "none", not "missing"), and
/// request bodies held to their shape: an unknown or duplicated field is an error, not silently ignored.
/// </summary>
public static class AdminJson
{
    public const int MaxBodyBytes = 16 * 1024;

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>
    /// How the admin API writes its answers: the canonical event shape (snake_case, nulls omitted) with enums as
    /// their snake_case names, so a client reads "running", not a number that changes when the enum does.
    /// </summary>
    public static readonly JsonSerializerOptions Responses = new(Mapper.Engine.Validation.EventJson.Options)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The body as <typeparamref name="T"/>, or an error naming the field at fault.</summary>
    public static async Task<(T? Body, string? Error)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Content-Type: send application/json");
        }

        var bytes = await Mapper.Console.Api.BodyReader.ReadAsync(request, MaxBodyBytes, request.HttpContext.RequestAborted);
        if (bytes is null)
        {
            return (null, $"body: larger than {MaxBodyBytes / 1024} KB");
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(bytes, Options) ?? throw new JsonException("body is null"), null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, $"{field}: {Describe(e)}");
        }
    }

    private static string Describe(JsonException e)
    {
        var message = e.Message.Split(". Path:", 2)[0].Split(" Path:", 2)[0];
        return message.Contains("could not be mapped", StringComparison.Ordinal) ? "not a field of this request"
            : message.Contains("missing required properties", StringComparison.Ordinal) ? message[(message.IndexOf("including", StringComparison.Ordinal) is var i and >= 0 ? i : 0)..].Replace("including: ", "required: ", StringComparison.Ordinal)
            : "not valid here (" + message + ")";
    }
}
