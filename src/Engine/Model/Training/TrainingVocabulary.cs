using System.Text.Json;
using Mapper.Engine.Data;
using Mapper.Engine.Rules;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Model.Training;

/// <summary>
/// Training vocabulary kept as data beside the rule table: <c>lexicon.json</c> (synonyms real detectors and
/// moderation APIs use, per canonical label) and <c>negatives.json</c> (ordinary words that name no finding).
/// It only feeds training; the contract facts stay in taxonomy.json and the detector files.
/// </summary>
public sealed class TrainingVocabulary
{
    public const string LexiconFileName = LexiconLoader.FileName;
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

    /// <summary>The lexicon loaded with <paramref name="data"/> and the negatives beside it.</summary>
    public static TrainingVocabulary From(MappingData data) =>
        new(data.Lexicon, ReadNegatives(Path.Combine(data.SourceDirectory, NegativesFileName)));

    /// <summary>The vocabulary bundled with the engine (next to taxonomy.json), validated against <paramref name="taxonomy"/>.</summary>
    public static TrainingVocabulary LoadBundled(CanonicalTaxonomy taxonomy) => Load(MappingDataLoader.BundledDirectory, taxonomy);

    /// <summary>
    /// Reads both files from <paramref name="directory"/>. Throws <see cref="MappingDataException"/> naming the
    /// file and entry when a label is not in the taxonomy, a phrase is empty, or one phrase (compacted) is claimed
    /// by two labels or listed twice.
    /// </summary>
    public static TrainingVocabulary Load(string directory, CanonicalTaxonomy taxonomy) =>
        new(LexiconLoader.Load(Path.Combine(directory, LexiconFileName), taxonomy), ReadNegatives(Path.Combine(directory, NegativesFileName)));

    private static List<string> ReadNegatives(string path)
    {
        var file = Path.GetFileName(path);
        using var document = LexiconLoader.Parse(path);
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
}
