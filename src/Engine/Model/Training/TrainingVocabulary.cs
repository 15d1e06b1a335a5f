using System.Text.Json;
using Mapper.Engine.Data;
using Mapper.Engine.Rules;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Model.Training;

/// <summary>One lexicon phrase and the canonical label it names.</summary>
public sealed record LexiconEntry(string Phrase, string Label);

/// <summary>
/// Training vocabulary kept as data beside the rule table: <c>lexicon.json</c> (synonyms real detectors and
/// moderation APIs use, per canonical label) and <c>negatives.json</c> (ordinary words that name no finding).
/// It only feeds training; the contract facts stay in taxonomy.json and the detector files.
/// </summary>
public sealed class TrainingVocabulary
{
    public const string LexiconFileName = "lexicon.json";
    public const string NegativesFileName = "negatives.json";

    public TrainingVocabulary(IReadOnlyList<LexiconEntry> lexicon, IReadOnlyList<string> negatives)
    {
        Lexicon = lexicon;
        Negatives = negatives;
    }

    public IReadOnlyList<LexiconEntry> Lexicon { get; }

    public IReadOnlyList<string> Negatives { get; }

    /// <summary>No lexicon and no negatives: training from the rule table and taxonomy alone.</summary>
    public static TrainingVocabulary None { get; } = new([], []);

    /// <summary>The vocabulary bundled with the engine (next to taxonomy.json), validated against <paramref name="taxonomy"/>.</summary>
    public static TrainingVocabulary LoadBundled(CanonicalTaxonomy taxonomy) => Load(MappingDataLoader.BundledDirectory, taxonomy);

    /// <summary>
    /// Reads both files from <paramref name="directory"/>. Throws <see cref="MappingDataException"/> naming the
    /// file and entry when a label is not in the taxonomy, a phrase is empty, or one phrase (compacted) is claimed
    /// by two labels or listed twice.
    /// </summary>
    public static TrainingVocabulary Load(string directory, CanonicalTaxonomy taxonomy) =>
        new(ReadLexicon(Path.Combine(directory, LexiconFileName), taxonomy), ReadNegatives(Path.Combine(directory, NegativesFileName)));

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

    private static List<string> ReadNegatives(string path)
    {
        var file = Path.GetFileName(path);
        using var document = Parse(path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>();
        foreach (var group in new[] { "lookalikes", "unrelated" })
        {
            if (!document.RootElement.TryGetProperty(group, out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new MappingDataException(file, group, "must be an array of words");
            }

            foreach (var item in list.EnumerateArray())
            {
                var word = item.ValueKind == JsonValueKind.String ? item.GetString()! : string.Empty;
                var compact = LabelText.Compact(word);
                if (compact.Length == 0 || !seen.Add(compact))
                {
                    throw new MappingDataException(file, $"{group}: '{word}'", compact.Length == 0 ? "is not a word" : "is listed twice");
                }

                words.Add(word);
            }
        }

        return words;
    }

    private static JsonDocument Parse(string path)
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
