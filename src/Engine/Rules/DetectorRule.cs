namespace Mapper.Engine.Rules;

/// <summary>One row of a detector's rule table: raw label → canonical label.</summary>
public sealed record DetectorRule(string RawLabel, string CanonicalLabel);
