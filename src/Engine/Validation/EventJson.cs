using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mapper.Engine.Validation;

/// <summary>The one JSON shape of canonical events: snake_case, nulls omitted. The API and the validator share it.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
