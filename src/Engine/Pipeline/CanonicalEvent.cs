namespace Mapper.Engine.Pipeline;

/// <summary>The mapper's answer (contract §3). Serialized with snake_case names; null members are omitted.</summary>
public sealed record CanonicalEvent
{
    public required IReadOnlyList<string> Taxonomy { get; init; }

    public required IReadOnlyDictionary<string, double> Scores { get; init; }

    public required double Confidence { get; init; }

    /// <summary>Metadata about the decision only (path, tier, reason); never the raw detector output.</summary>
    public string? Notes { get; init; }

    public required EventProvenance Provenance { get; init; }

    public PolicyContext? PolicyContext { get; init; }

    public required VersionInfo VersionInfo { get; init; }
}

public sealed record EventProvenance
{
    public string? Vendor { get; init; }

    public required string Detector { get; init; }

    public string? DetectorVersion { get; init; }

    public string? RawRef { get; init; }

    /// <summary><c>model</c> or <c>rules</c>.</summary>
    public required string Route { get; init; }

    /// <summary>The adapter that answered (<c>id@version</c>) or <c>rules</c>.</summary>
    public required string Model { get; init; }

    public string? TenantId { get; init; }

    public required DateTimeOffset Ts { get; init; }
}

public sealed record PolicyContext
{
    public IReadOnlyList<string>? ExpectedDetectors { get; init; }

    /// <summary><c>dev</c>, <c>stage</c> or <c>prod</c>.</summary>
    public string? Environment { get; init; }
}

public sealed record VersionInfo(string Taxonomy, string Frameworks, string Model);
