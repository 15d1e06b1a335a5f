using System.Text.Json;
using Json.Schema;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Validation;

/// <summary>
/// Checks an answer, from either path, against the canonical-event JSON Schema, membership in the
/// loaded taxonomy, and the score rules. Errors are specific enough to act on.
/// </summary>
public sealed class CanonicalEventValidator
{
    private const double ScoreTolerance = 1e-9;
    private readonly JsonSchema _schema;
    private readonly CanonicalTaxonomy _taxonomy;
    // The flag format stops at the first failure and builds no detail: a third cheaper on the hot path, where
    // nearly every event is valid. Only an invalid event is evaluated again, in the list format, for its errors.
    private readonly EvaluationOptions _verdict = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
    private readonly EvaluationOptions _details = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public CanonicalEventValidator(string schemaJson, CanonicalTaxonomy taxonomy)
    {
        // A private registry: reloading the data (or a second engine in tests) must not collide on the schema's $id.
        _schema = JsonSchema.FromText(schemaJson, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        _taxonomy = taxonomy;
    }

    public IReadOnlyList<string> Validate(CanonicalEvent canonicalEvent)
    {
        var errors = new List<string>();
        var element = JsonSerializer.SerializeToElement(canonicalEvent, EventJson.Options);
        if (!_schema.Evaluate(element, _verdict).IsValid)
        {
            errors.AddRange(SchemaErrors(_schema.Evaluate(element, _details)));
        }

        foreach (var label in canonicalEvent.Taxonomy)
        {
            if (!_taxonomy.Contains(label))
            {
                errors.Add($"taxonomy has label {label} not in taxonomy {_taxonomy.Version}");
            }

            if (!canonicalEvent.Scores.ContainsKey(label))
            {
                errors.Add($"scores has no score for label {label}");
            }
        }

        foreach (var (label, score) in canonicalEvent.Scores)
        {
            if (!canonicalEvent.Taxonomy.Contains(label))
            {
                errors.Add($"scores has label {label} that is not in the event's taxonomy list");
            }
            else if (!_taxonomy.Contains(label))
            {
                errors.Add($"scores has label {label} not in taxonomy {_taxonomy.Version}");
            }

            if (canonicalEvent.Confidence > score + ScoreTolerance && canonicalEvent.Taxonomy.Count == 1)
            {
                errors.Add($"confidence {canonicalEvent.Confidence} exceeds the score {score} of its only label {label}");
            }
        }

        if (canonicalEvent.Taxonomy.Contains(WellKnownLabels.Unknown) && canonicalEvent.Confidence > 0)
        {
            errors.Add($"confidence must be 0 when the answer is {WellKnownLabels.Unknown}");
        }

        return errors;
    }

    private static IEnumerable<string> SchemaErrors(EvaluationResults result) =>
        (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"schema: {Location(d.InstanceLocation.ToString())} {e.Value}"))
            .DefaultIfEmpty("schema: the event does not match the canonical-event schema")
            .Distinct();

    private static string Location(string pointer) => pointer.Length == 0 ? "(root)" : pointer;
}
