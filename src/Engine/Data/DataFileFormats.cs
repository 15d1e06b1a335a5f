using System.Text.Json.Serialization;

namespace Mapper.Engine.Data;

// The on-disk shapes of the bundled data files. Unknown members are refused so a typo in a key
// is a load error instead of a silently ignored entry.

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record TaxonomyFile(string? Version, List<TaxonomyLabelEntry>? Labels);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record TaxonomyLabelEntry(string? Name, string? Description, List<string>? Aliases);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record DetectorFile(string? Detector, string? Version, string? Vendor, List<DetectorRuleEntry>? Rules);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record DetectorRuleEntry(string? Raw, string? Label);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record FrameworksFile(string? Version, List<FrameworkControlEntry>? Controls, Dictionary<string, List<string>>? Mappings);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record FrameworkControlEntry(string? Framework, string? Id, string? Title);
