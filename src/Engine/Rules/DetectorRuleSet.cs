namespace Mapper.Engine.Rules;

/// <summary>A detector's rule table as loaded from its data file.</summary>
public sealed record DetectorRuleSet(string Detector, string Version, string Vendor, IReadOnlyList<DetectorRule> Rules);
