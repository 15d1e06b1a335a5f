using System.Text.Json;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Quality;

/// <summary>
/// Reads golden-case files in the old service's format (contract §8). Unknown members are ignored so
/// existing sets with extra fields still run; every known field is checked, and a problem names the
/// file, the case index and the field. With a taxonomy, expected labels must belong to it.
/// </summary>
public static class GoldenCaseLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>A file, or every <c>*.json</c> below a directory (names relative to it, in ordinal order).</summary>
    public static IReadOnlyList<GoldenCaseFile> LoadAll(string fileOrDirectory, CanonicalTaxonomy? taxonomy = null)
    {
        if (File.Exists(fileOrDirectory))
        {
            return [Load(fileOrDirectory, Path.GetFileName(fileOrDirectory), taxonomy)];
        }

        if (!Directory.Exists(fileOrDirectory))
        {
            throw new GoldenCaseFormatException(fileOrDirectory, "path", "is neither a file nor a directory");
        }

        var files = Directory.GetFiles(fileOrDirectory, "*.json", SearchOption.AllDirectories)
            .Select(path => (Path: path, Name: Path.GetRelativePath(fileOrDirectory, path).Replace('\\', '/')))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new GoldenCaseFormatException(fileOrDirectory, "path", "holds no *.json files");
        }

        return files.Select(f => Load(f.Path, f.Name, taxonomy)).ToList();
    }

    public static GoldenCaseFile Load(string path, string name, CanonicalTaxonomy? taxonomy = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GoldenCaseFormatException(name, "file", $"cannot be read: {e.Message}");
        }

        return Parse(text, name, taxonomy);
    }

    public static GoldenCaseFile Parse(string json, string name, CanonicalTaxonomy? taxonomy = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new GoldenCaseFormatException(name, "document", $"is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            Require(root.ValueKind == JsonValueKind.Object, name, "document", "must be a JSON object");
            Require(root.TryGetProperty("test_cases", out var cases) && cases.ValueKind == JsonValueKind.Array,
                name, "test_cases", "must be an array of cases");
            var list = new List<GoldenCase>();
            var index = 0;
            foreach (var element in cases.EnumerateArray())
            {
                list.Add(ParseCase(element, name, $"test_cases[{index++}]", taxonomy));
            }

            Require(list.Count > 0, name, "test_cases", "must hold at least one case");
            return new GoldenCaseFile(name, OptionalString(root, "version", name, "version"),
                OptionalString(root, "description", name, "description"), list);
        }
    }

    private static GoldenCase ParseCase(JsonElement element, string name, string at, CanonicalTaxonomy? taxonomy)
    {
        Require(element.ValueKind == JsonValueKind.Object, name, at, "must be an object");
        var detector = OptionalString(element, "detector", name, $"{at}.detector");
        Require(!string.IsNullOrWhiteSpace(detector), name, $"{at}.detector", "must be a non-empty string");
        var output = OptionalString(element, "input_output", name, $"{at}.input_output");
        Require(output is not null, name, $"{at}.input_output", "must be a string");

        var labelsOk = element.TryGetProperty("expected_taxonomy", out var labels)
            && labels.ValueKind == JsonValueKind.Array && labels.GetArrayLength() > 0
            && labels.EnumerateArray().All(l => l.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(l.GetString()));
        Require(labelsOk, name, $"{at}.expected_taxonomy", "must be a non-empty array of labels");
        var expected = labels.EnumerateArray().Select(l => l.GetString()!).ToList();
        if (taxonomy is not null)
        {
            for (var i = 0; i < expected.Count; i++)
            {
                Require(taxonomy.Contains(expected[i]), name, $"{at}.expected_taxonomy[{i}]",
                    $"'{expected[i]}' is not a label of taxonomy {taxonomy.Version}");
            }
        }

        // Missing means "any confidence": old sets did not always carry it.
        var minimum = 0.0;
        if (element.TryGetProperty("expected_confidence_min", out var min) && min.ValueKind != JsonValueKind.Null)
        {
            Require(min.ValueKind == JsonValueKind.Number && min.TryGetDouble(out minimum) && minimum is >= 0 and <= 1,
                name, $"{at}.expected_confidence_min", "must be a number within [0, 1]");
        }

        return new GoldenCase(detector!, output!, expected, minimum,
            OptionalString(element, "description", name, $"{at}.description"),
            OptionalString(element, "category", name, $"{at}.category"));
    }

    private static string? OptionalString(JsonElement element, string property, string name, string at)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Require(value.ValueKind == JsonValueKind.String, name, at, "must be a string");
        return value.GetString();
    }

    private static void Require(bool condition, string file, string field, string problem)
    {
        if (!condition)
        {
            throw new GoldenCaseFormatException(file, field, problem);
        }
    }
}
