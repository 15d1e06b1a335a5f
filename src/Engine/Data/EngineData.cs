using Mapper.Engine.Rules;
using Mapper.Engine.Validation;
using Mapper.Engine.Versions;

namespace Mapper.Engine.Data;

/// <summary>One consistent generation of loaded data and everything derived from it.</summary>
public sealed class EngineData
{
    public EngineData(MappingData data, DateTimeOffset loadedAt)
    {
        Data = data;
        Rules = new RuleMapper(data);
        Validator = new CanonicalEventValidator(data.SchemaJson, data.Taxonomy);
        Versions = VersionSnapshot.From(data, loadedAt);
        DetectorsByName = data.Detectors.ToDictionary(d => d.Detector, StringComparer.Ordinal);
    }

    public MappingData Data { get; }

    public RuleMapper Rules { get; }

    public CanonicalEventValidator Validator { get; }

    public VersionSnapshot Versions { get; }

    public IReadOnlyDictionary<string, DetectorRuleSet> DetectorsByName { get; }
}
