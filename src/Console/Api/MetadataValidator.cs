using System.Text.Json;

namespace Mapper.Console.Api;

/// <summary>The MapperPayload <c>metadata</c> of contract §2: exactly these fields, these types and ranges.</summary>
public static class MetadataValidator
{
    private static readonly HashSet<string> AggregationMethods = new(StringComparer.Ordinal)
    {
        "weighted_average", "majority_vote", "highest_confidence", "most_restrictive",
    };

    /// <summary>The first problem, naming the field; null when the metadata is valid.</summary>
    public static string? Validate(JsonElement metadata)
    {
        foreach (var field in metadata.EnumerateObject())
        {
            var value = field.Value;
            var problem = value.ValueKind == JsonValueKind.Null ? null : field.Name switch
            {
                "contributing_detectors" => IsArrayOf(value, JsonValueKind.String) ? null : "must be an array of strings",
                "normalized_scores" => NormalizedScores(value),
                "conflict_resolution_applied" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false",
                "aggregation_method" => value.ValueKind == JsonValueKind.String && AggregationMethods.Contains(value.GetString()!)
                    ? null
                    : "must be one of weighted_average, majority_vote, highest_confidence, most_restrictive",
                "coverage_achieved" => IsUnit(value) ? null : "must be a number in [0, 1]",
                "provenance" => Provenance(value),
                _ => "unknown field",
            };
            if (problem is not null)
            {
                // Nested problems come as a path suffix (".label: ...", "[0].field: ..."); direct ones as a message.
                var separator = problem[0] is '.' or '[' ? "" : ": ";
                return $"metadata.{PayloadParser.FieldName(field.Name)}{separator}{problem}";
            }
        }

        return null;
    }

    private static string? NormalizedScores(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return "must be an object of label: number in [0, 1]";
        }

        var bad = value.EnumerateObject().FirstOrDefault(p => !IsUnit(p.Value));
        return bad.Value.ValueKind == JsonValueKind.Undefined ? null : $".{PayloadParser.FieldName(bad.Name)}: must be a number in [0, 1]";
    }

    private static string? Provenance(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return "must be an array of objects";
        }

        var index = 0;
        foreach (var entry in value.EnumerateArray())
        {
            var problem = ProvenanceEntry(entry);
            if (problem is not null)
            {
                return $"[{index}]{problem}";
            }

            index++;
        }

        return null;
    }

    private static string? ProvenanceEntry(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return ": must be an object";
        }

        foreach (var field in entry.EnumerateObject())
        {
            var value = field.Value;
            var problem = field.Name switch
            {
                "detector" or "output" => value.ValueKind == JsonValueKind.String ? null : "must be a string",
                "confidence" => IsUnit(value) ? null : "must be a number in [0, 1]",
                "processing_time_ms" => value.ValueKind == JsonValueKind.Number && value.GetDouble() >= 0 ? null : "must be a number >= 0",
                _ => "unknown field",
            };
            if (problem is not null)
            {
                return $".{PayloadParser.FieldName(field.Name)}: {problem}";
            }
        }

        return entry.TryGetProperty("detector", out _) ? null : ".detector: required, a string";
    }

    private static bool IsArrayOf(JsonElement value, JsonValueKind kind) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == kind);

    private static bool IsUnit(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.GetDouble() is >= 0 and <= 1;
}
