using System.Text.Json;
using Mapper.Engine.Data;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Taxonomy;
using Mapper.Engine.Telemetry;
using Mapper.Engine.Validation;
using Mapper.Engine.Versions;

namespace Mapper.Console.Api;

/// <summary>
/// <c>{"requests": [item, ...]}</c>, 1 to <c>Api:MaxBatchItems</c> items. Valid items are mapped together
/// (so the model can batch them); an invalid item keeps its place as <c>OTHER.Unknown</c>, score 0,
/// and is listed in <c>errors</c>.
/// </summary>
public sealed class BatchMapper(MappingPipeline pipeline, EngineDataProvider data, MapperTelemetry telemetry, ApiOptions options, TimeProvider time)
{
    public MappingPipeline Pipeline => pipeline;

    public PreparedWork Prepare(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array)
        {
            throw ApiProblemException.Invalid($"requests: required, an array of 1 to {options.MaxBatchItems} items");
        }

        var count = requests.GetArrayLength();
        if (count < 1 || count > options.MaxBatchItems)
        {
            throw ApiProblemException.Invalid($"requests: {count} items; a batch holds 1 to {options.MaxBatchItems}");
        }

        telemetry.RecordBatchSize(count);
        var items = requests.EnumerateArray().Select(element => (Parsed: PayloadParser.Parse(element), Detector: PayloadParser.Detector(element), Tenant: PayloadParser.Tenant(element))).ToList();
        var work = Measure(items.Select(i => i.Parsed.Item));
        var legacyItems = items.Count(i => i.Parsed.Item?.Legacy == true);
        for (var i = 0; i < legacyItems; i++)
        {
            telemetry.RecordDeprecated(MapHandler.DeprecatedType);
        }

        var tenants = items.Select(i => i.Parsed.Item?.Request.TenantId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new PreparedWork(tenants, work, async ct =>
        {
            var mapped = await Task.WhenAll(items.Select(i => MapOneAsync(i.Parsed.Item, ct)));
            var results = new List<CanonicalEvent>(count);
            var errors = new List<BatchItemError>();
            for (var index = 0; index < count; index++)
            {
                if (mapped[index] is { } outcome)
                {
                    results.Add(outcome.Event);
                    continue;
                }

                var (parsed, detector, tenant) = items[index];
                telemetry.RecordItemError(DetectorLabel(detector));
                errors.Add(new BatchItemError(index, parsed.Error!.Message, detector ?? MappingPipeline.UnknownDetector));
                results.Add(Unknown(detector, tenant));
            }

            var body = new BatchResponse(results, errors.Count == 0 ? null : errors);
            return new PreparedAnswer(StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(body, EventJson.Options), legacyItems > 0);
        });
    }

    /// <summary>
    /// The label words of the items that will be mapped (a refused item costs one), after refusing the whole
    /// batch when one output joins too many labels or all of them hold too many words: its cost is bounded
    /// before any of it runs.
    /// </summary>
    private int Measure(IEnumerable<ParsedItem?> items)
    {
        var requests = FieldPath.Top("requests");
        var (index, words) = (0, 0);
        foreach (var item in items)
        {
            words += item is null ? 1 : LabelWork.Check(item.Request.Output, requests.Index(index).Key("output"), options);
            index++;
        }

        LabelWork.CheckTotal(words, requests, options);
        return words;
    }

    private async Task<MappingOutcome?> MapOneAsync(ParsedItem? item, CancellationToken cancellationToken) =>
        item is null ? null : await pipeline.MapAsync(item.Request, MapOptions.Default, cancellationToken);

    /// <summary>A bounded metric label for a client's detector name: its canonical name, or "unknown".</summary>
    public string DetectorLabel(string? detector) =>
        (detector is null ? null : data.Current.Rules.Detectors.Resolve(detector)) ?? MappingPipeline.UnknownDetector;

    private CanonicalEvent Unknown(string? detector, string? tenant)
    {
        var versions = data.Current.Versions;
        return new CanonicalEvent
        {
            Taxonomy = [WellKnownLabels.Unknown],
            Scores = new Dictionary<string, double> { [WellKnownLabels.Unknown] = 0.0 },
            Confidence = 0.0,
            Notes = "item refused: see errors",
            Provenance = new EventProvenance
            {
                Detector = detector ?? MappingPipeline.UnknownDetector,
                Route = "rules",
                Model = VersionSnapshot.RulesModel,
                TenantId = tenant is { Length: >= 1 and <= PayloadParser.MaxTenantLength } ? tenant : null,
                Ts = time.GetUtcNow(),
            },
            VersionInfo = new VersionInfo(versions.Taxonomy, versions.Frameworks, VersionSnapshot.RulesModel),
        };
    }
}
