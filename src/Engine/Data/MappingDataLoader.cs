using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Mapper.Engine.Rules;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Data;

/// <summary>
/// Loads and validates the bundled mapping data. Any inconsistency throws <see cref="MappingDataException"/>
/// naming the file and entry, so a broken table stops the process instead of being served.
/// </summary>
public static partial class MappingDataLoader
{
    public const string TaxonomyFileName = "taxonomy.json";
    public const string FrameworksFileName = "frameworks.json";
    public const string SchemaFileName = "canonical-event.schema.json";
    public const string DetectorsFolderName = "detectors";

    /// <summary>The data folder shipped next to the running program.</summary>
    public static string BundledDirectory => Path.Combine(AppContext.BaseDirectory, "Data");

    private static readonly JsonSerializerOptions FileJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*(\.[A-Za-z0-9_]+)*$")]
    public static partial Regex LabelPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex DetectorNamePattern();

    public static MappingData Load(string directory)
    {
        var taxonomy = LoadTaxonomy(Path.Combine(directory, TaxonomyFileName));
        var detectors = LoadDetectors(Path.Combine(directory, DetectorsFolderName), taxonomy);
        var frameworks = LoadFrameworks(Path.Combine(directory, FrameworksFileName), taxonomy);
        var schemaJson = LoadSchema(Path.Combine(directory, SchemaFileName));
        var lexicon = LexiconLoader.Load(Path.Combine(directory, LexiconLoader.FileName), taxonomy);
        return new MappingData(taxonomy, detectors, frameworks, schemaJson, Path.GetFullPath(directory), lexicon);
    }

    internal static CanonicalTaxonomy LoadTaxonomy(string path)
    {
        var file = Read<TaxonomyFile>(path);
        var name = Path.GetFileName(path);
        Require(!string.IsNullOrWhiteSpace(file.Version), name, "version", "is missing");
        Require(file.Labels is { Count: > 0 }, name, "labels", "is missing or empty");

        var labels = new List<TaxonomyLabel>();
        var seenLabels = new HashSet<string>(StringComparer.Ordinal);
        var aliasOwner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < file.Labels!.Count; i++)
        {
            var entry = file.Labels[i];
            var where = $"labels[{i}] '{entry.Name}'";
            Require(!string.IsNullOrWhiteSpace(entry.Name), name, $"labels[{i}]", "has no name");
            Require(LabelPattern().IsMatch(entry.Name!), name, where, $"name does not match {LabelPattern()}");
            Require(seenLabels.Add(entry.Name!), name, where, "is a duplicate label");
            var aliases = entry.Aliases ?? [];
            foreach (var alias in aliases)
            {
                Require(!string.IsNullOrWhiteSpace(alias), name, where, "has an empty alias");
                Require(aliasOwner.TryAdd(alias, entry.Name!), name, where,
                    $"alias '{alias}' is already claimed by '{aliasOwner.GetValueOrDefault(alias)}'");
            }

            labels.Add(new TaxonomyLabel(entry.Name!, entry.Description ?? "", aliases));
        }

        foreach (var required in new[] { WellKnownLabels.Unknown, WellKnownLabels.ModelError, WellKnownLabels.Safe })
        {
            Require(seenLabels.Contains(required), name, "labels", $"must contain the special label '{required}'");
        }

        return new CanonicalTaxonomy(file.Version!, labels);
    }

    internal static IReadOnlyList<DetectorRuleSet> LoadDetectors(string folder, CanonicalTaxonomy taxonomy)
    {
        Require(Directory.Exists(folder), Path.GetFileName(folder), "folder", $"does not exist at {folder}");
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        Require(files.Count > 0, DetectorsFolderName, "folder", "holds no detector files");

        var sets = new List<DetectorRuleSet>();
        var seenDetectors = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in files)
        {
            var name = $"{DetectorsFolderName}/{Path.GetFileName(path)}";
            var file = Read<DetectorFile>(path, name);
            Require(!string.IsNullOrWhiteSpace(file.Detector), name, "detector", "is missing");
            Require(DetectorNamePattern().IsMatch(file.Detector!), name, "detector",
                $"'{file.Detector}' must be lower-case words joined by '-'");
            Require(seenDetectors.Add(file.Detector!), name, "detector", $"'{file.Detector}' is defined twice");
            Require(!string.IsNullOrWhiteSpace(file.Version), name, "version", "is missing");
            Require(file.Rules is { Count: > 0 }, name, "rules", "is missing or empty");

            var rules = new List<DetectorRule>();
            var seenRaw = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < file.Rules!.Count; i++)
            {
                var rule = file.Rules[i];
                var where = $"rules[{i}] '{rule.Raw}'";
                Require(!string.IsNullOrWhiteSpace(rule.Raw), name, $"rules[{i}]", "has no raw label");
                Require(seenRaw.Add(rule.Raw!), name, where, "is a duplicate raw label");
                Require(!string.IsNullOrWhiteSpace(rule.Label), name, where, "has no canonical label");
                Require(LabelPattern().IsMatch(rule.Label!), name, where, $"label '{rule.Label}' does not match {LabelPattern()}");
                Require(taxonomy.Contains(rule.Label!), name, where, $"points at label '{rule.Label}' which the taxonomy does not have");
                rules.Add(new DetectorRule(rule.Raw!, rule.Label!));
            }

            sets.Add(new DetectorRuleSet(file.Detector!, file.Version!, file.Vendor ?? "unknown", rules));
        }

        return sets;
    }

    internal static FrameworkCatalog LoadFrameworks(string path, CanonicalTaxonomy taxonomy)
    {
        var file = Read<FrameworksFile>(path);
        var name = Path.GetFileName(path);
        Require(!string.IsNullOrWhiteSpace(file.Version), name, "version", "is missing");
        Require(file.Controls is { Count: > 0 }, name, "controls", "is missing or empty");

        var controls = new List<FrameworkControl>();
        var references = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Controls!.Count; i++)
        {
            var entry = file.Controls[i];
            Require(!string.IsNullOrWhiteSpace(entry.Framework) && !string.IsNullOrWhiteSpace(entry.Id),
                name, $"controls[{i}]", "needs a framework and an id");
            var control = new FrameworkControl(entry.Framework!, entry.Id!, entry.Title ?? "");
            Require(references.Add(control.Reference), name, $"controls[{i}] '{control.Reference}'", "is a duplicate control");
            controls.Add(control);
        }

        var byLabel = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (label, refs) in file.Mappings ?? [])
        {
            Require(taxonomy.Contains(label), name, $"mappings '{label}'", "is not a label of the taxonomy");
            foreach (var reference in refs)
            {
                Require(references.Contains(reference), name, $"mappings '{label}'", $"references unknown control '{reference}'");
            }

            byLabel[label] = refs;
        }

        return new FrameworkCatalog(file.Version!, controls, byLabel);
    }

    internal static string LoadSchema(string path)
    {
        var name = Path.GetFileName(path);
        Require(File.Exists(path), name, "file", $"does not exist at {path}");
        var text = File.ReadAllText(path);
        try
        {
            // A private registry: the schema's $id must not collide with an earlier load.
            _ = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (Exception e) when (e is JsonException or JsonSchemaException or ArgumentException or InvalidOperationException)
        {
            throw new MappingDataException(name, "schema", $"is not a valid JSON Schema: {e.Message}");
        }

        return text;
    }

    private static T Read<T>(string path, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        Require(File.Exists(path), name, "file", $"does not exist at {path}");
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), FileJson)
                ?? throw new MappingDataException(name, "document", "is empty");
        }
        catch (JsonException e)
        {
            throw new MappingDataException(name, e.Path ?? "document", $"is not valid: {e.Message}");
        }
    }

    private static void Require(bool condition, string file, string entry, string problem)
    {
        if (!condition)
        {
            throw new MappingDataException(file, entry, problem);
        }
    }
}
