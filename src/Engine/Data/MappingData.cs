using Mapper.Engine.Rules;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Data;

/// <summary>Everything the engine maps with, loaded and validated together so it is always consistent.</summary>
public sealed record MappingData(
    CanonicalTaxonomy Taxonomy,
    IReadOnlyList<DetectorRuleSet> Detectors,
    FrameworkCatalog Frameworks,
    string SchemaJson,
    string SourceDirectory,
    IReadOnlyList<LexiconEntry> Lexicon)
{
    public int RuleCount => Detectors.Sum(d => d.Rules.Count);
}
