using Mapper.Engine.Data;

namespace Mapper.Engine.Versions;

/// <summary>
/// The versions of the loaded data, computed once per load (never re-read per request). The model
/// part is live: it is whatever adapter serves, or <c>rules</c>.
/// </summary>
public sealed record VersionSnapshot(
    string Taxonomy,
    string TaxonomyHash,
    string Frameworks,
    IReadOnlyDictionary<string, string> Detectors,
    int RuleCount,
    DateTimeOffset LoadedAt)
{
    /// <summary>What version_info.model says for an answer the rules gave.</summary>
    public const string RulesModel = "rules";

    public static VersionSnapshot From(MappingData data, DateTimeOffset loadedAt) => new(
        data.Taxonomy.Version,
        data.Taxonomy.Hash,
        data.Frameworks.Version,
        data.Detectors.ToDictionary(d => d.Detector, d => d.Version, StringComparer.Ordinal),
        data.RuleCount,
        loadedAt);
}
