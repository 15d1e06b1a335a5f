using System.Text.Json.Serialization;
using Mapper.Engine.Pipeline;

namespace Mapper.Console.Api;

/// <summary><c>{"results": [...], "errors": [...] | null}</c>: results keep the places of the request's items.</summary>
public sealed record BatchResponse(
    IReadOnlyList<CanonicalEvent> Results,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<BatchItemError>? Errors);

public sealed record BatchItemError(int Index, string Error, string Detector);

/// <summary>A finished answer, ready to write and to store for idempotent replay.</summary>
public sealed record PreparedAnswer(int Status, byte[] Body, bool Legacy);

/// <summary>Request shapes, for the OpenAPI document only: the handlers parse bodies themselves.</summary>
public sealed record MapperPayloadDocument
{
    public required string Detector { get; init; }

    /// <summary>The detector's raw label(s); several may be joined with '|'.</summary>
    public required string Output { get; init; }

    /// <summary>1 to 64 characters. Without it the body is read as a legacy DetectorRequest (deprecated).</summary>
    public required string TenantId { get; init; }

    public MapperMetadataDocument? Metadata { get; init; }
}

public sealed record MapperMetadataDocument
{
    public IReadOnlyList<string>? ContributingDetectors { get; init; }

    public IReadOnlyDictionary<string, double>? NormalizedScores { get; init; }

    public bool? ConflictResolutionApplied { get; init; }

    /// <summary>weighted_average, majority_vote, highest_confidence or most_restrictive.</summary>
    public string? AggregationMethod { get; init; }

    public double? CoverageAchieved { get; init; }

    public IReadOnlyList<ProvenanceDocument>? Provenance { get; init; }
}

public sealed record ProvenanceDocument
{
    public required string Detector { get; init; }

    public double? Confidence { get; init; }

    public string? Output { get; init; }

    public double? ProcessingTimeMs { get; init; }
}

public sealed record BatchRequestDocument
{
    public required IReadOnlyList<MapperPayloadDocument> Requests { get; init; }
}
