using System.Text.Json;

namespace Mapper.Console.Api;

/// <summary>The MapperPayload <c>metadata</c> of contract §2: exactly these fields, these types and ranges.</summary>
public static class MetadataValidator
{
    private static readonly HashSet<string> AggregationMethods = new(StringComparer.Ordinal)
    {
        "weighted_average", "majority_vote", "highest_confidence", "most_restrictive",
    };

    private static readonly FieldPath Metadata = FieldPath.Top("metadata");

    /// <summary>The first problem, naming the field; null when the metadata is valid.</summary>
    public static FieldProblem? Validate(JsonElement metadata)
    {
        foreach (var field in metadata.EnumerateObject())
        {
            var value = field.Value;
            var path = Metadata.Key(field.Name);
            var problem = value.ValueKind == JsonValueKind.Null ? null : field.Name switch
            {
                "contributing_detectors" => IsArrayOf(value, JsonValueKind.String) ? null : path.Problem("must be an array of strings"),
                "normalized_scores" => NormalizedScores(value, path),
                "conflict_resolution_applied" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : path.Problem("must be true or false"),
                "aggregation_method" => value.ValueKind == JsonValueKind.String && AggregationMethods.Contains(value.GetString()!)
                    ? null
                    : path.Problem("must be one of weighted_average, majority_vote, highest_confidence, most_restrictive"),
                "coverage_achieved" => IsUnit(value) ? null : path.Problem("must be a number in [0, 1]"),
                "provenance" => Provenance(value, path),
                _ => path.Problem("unknown field"),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static FieldProblem? NormalizedScores(JsonElement value, FieldPath path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return path.Problem("must be an object of label: number in [0, 1]");
        }

        var bad = value.EnumerateObject().FirstOrDefault(p => !IsUnit(p.Value));
        return bad.Value.ValueKind == JsonValueKind.Undefined ? null : path.Key(bad.Name).Problem("must be a number in [0, 1]");
    }

    private static FieldProblem? Provenance(JsonElement value, FieldPath path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return path.Problem("must be an array of objects");
        }

        var index = 0;
        foreach (var entry in value.EnumerateArray())
        {
            if (ProvenanceEntry(entry, path.Index(index++)) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static FieldProblem? ProvenanceEntry(JsonElement entry, FieldPath path)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return path.Problem("must be an object");
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
                return path.Key(field.Name).Problem(problem);
            }
        }

        return entry.TryGetProperty("detector", out _) ? null : path.Key("detector").Problem("required, a string");
    }

    private static bool IsArrayOf(JsonElement value, JsonValueKind kind) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == kind);

    private static bool IsUnit(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.GetDouble() is >= 0 and <= 1;
}
