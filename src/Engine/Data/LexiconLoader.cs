using System.Text.Json;
using Mapper.Engine.Rules;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Data;

/// <summary>One lexicon phrase and the canonical label it names.</summary>
public sealed record LexiconEntry(string Phrase, string Label);

/// <summary>
/// Reads <c>lexicon.json</c>: the phrasings real detectors and moderation APIs use for each canonical label.
/// It is the project's own domain knowledge, not the contract: the rule mapper consults it after the rule
/// tables and aliases, and the trainer learns from it.
/// </summary>
internal static class LexiconLoader
{
    public const string FileName = "lexicon.json";

    /// <summary>
    /// Throws <see cref="MappingDataException"/> naming the file and entry when a label is not in the
    /// taxonomy, a phrase is empty, or one phrase (compacted) is claimed by two labels or listed twice.
    /// </summary>
    public static IReadOnlyList<LexiconEntry> Load(string path, CanonicalTaxonomy taxonomy) => ReadLexicon(path, taxonomy);

    private static List<LexiconEntry> ReadLexicon(string path, CanonicalTaxonomy taxonomy)
    {
        var file = Path.GetFileName(path);
        using var document = Parse(path);
        if (!document.RootElement.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Object)
        {
            throw new MappingDataException(file, "labels", "must be an object of label → phrases");
        }

        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<LexiconEntry>();
        foreach (var label in labels.EnumerateObject())
        {
            if (!taxonomy.Contains(label.Name))
            {
                throw new MappingDataException(file, label.Name, "is not a label of the taxonomy");
            }

            if (label.Value.ValueKind != JsonValueKind.Array)
            {
                throw new MappingDataException(file, label.Name, "must be an array of phrases");
            }

            foreach (var item in label.Value.EnumerateArray())
            {
                var phrase = item.ValueKind == JsonValueKind.String ? item.GetString()! : string.Empty;
                var compact = LabelText.Compact(phrase);
                if (compact.Length == 0)
                {
                    throw new MappingDataException(file, $"{label.Name}: '{phrase}'", "is not a phrase (no letters or digits)");
                }

                if (!owners.TryAdd(compact, label.Name))
                {
                    var problem = owners[compact] == label.Name ? "is listed twice" : $"is already claimed by {owners[compact]}";
                    throw new MappingDataException(file, $"{label.Name}: '{phrase}'", problem);
                }

                entries.Add(new LexiconEntry(phrase, label.Name));
            }
        }

        return entries;
    }

    internal static JsonDocument Parse(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new MappingDataException(Path.GetFileName(path), "file", e.Message);
        }
    }
}
