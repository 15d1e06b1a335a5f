using System.Text;
using Mapper.Engine.Rules;

namespace Mapper.Engine.Model.Training;

/// <summary>
/// The ways real detectors spell the same label: separators and case, abbreviations and inflections,
/// dropped words, typos, vendor prefixes and suffixes. Every method is a pure function of its inputs
/// and the PRNG, so augmentation is reproducible.
/// </summary>
public static class LabelVariants
{
    /// <summary>Nine separator/case styles. Most compact to the same text; "joined" ones (no separator) do not.</summary>
    public static string Style(string[] words, int style) => style switch
    {
        0 => string.Join('_', words),
        1 => string.Join('_', words).ToUpperInvariant(),
        2 => string.Join('-', words),
        3 => string.Join(' ', words),
        4 => string.Join(' ', words.Select(Capitalise)),
        5 => string.Join('.', words),
        6 => string.Join('/', words),
        7 => words.Length == 0 ? string.Empty : words[0] + string.Concat(words.Skip(1).Select(Capitalise)),
        _ => string.Concat(words),
    };

    public const int StyleCount = 9;

    public static readonly IReadOnlyList<string> Prefixes =
        ["azure", "openai", "aws", "gcp", "google", "hf", "nemo", "category", "label", "detected", "flag", "content", "class"];

    public static readonly IReadOnlyList<string> Suffixes =
        ["v2", "v1", "score", "flag", "detected", "label", "category", "prob", "probability", "result", "type", "entity", "high", "medium", "risk", "filter"];

    // Generic English abbreviations, synonyms and inflections seen in detector vocabularies.
    private static readonly Dictionary<string, string[]> Rewrites = new(StringComparer.Ordinal)
    {
        ["number"] = ["no", "num", "nbr", "nr"],
        ["address"] = ["addr", "adr"],
        ["information"] = ["info"],
        ["info"] = ["information", "data"],
        ["identifier"] = ["id"],
        ["identification"] = ["id"],
        ["telephone"] = ["tel", "phone"],
        ["phone"] = ["tel", "telephone", "mobile"],
        ["email"] = ["mail"],
        ["account"] = ["acct", "acc"],
        ["license"] = ["lic", "licence"],
        ["medical"] = ["med", "health"],
        ["personal"] = ["pers", "private"],
        ["harassment"] = ["harass", "harassing"],
        ["violence"] = ["violent"],
        ["violent"] = ["violence"],
        ["threatening"] = ["threat", "threats"],
        ["threat"] = ["threats", "threatening"],
        ["insult"] = ["insults"],
        ["sexual"] = ["sex", "sexually"],
        ["toxic"] = ["toxicity", "tox"],
        ["toxicity"] = ["toxic"],
        ["hate"] = ["hatred"],
        ["obscene"] = ["obscenity"],
        ["profanity"] = ["profane", "swearing"],
        ["instructions"] = ["instruction", "howto"],
        ["minors"] = ["minor", "children"],
        ["misinformation"] = ["misinfo", "disinformation"],
        ["hallucination"] = ["hallucinations"],
        ["injection"] = ["inject"],
        ["racism"] = ["racial"],
        ["sexism"] = ["gender"],
        ["content"] = ["text", "material"],
        ["graphic"] = ["gore", "gory"],
        ["activity"] = ["activities", "acts"],
        ["date"] = ["dt"],
        ["birth"] = ["birthdate"],
        ["security"] = ["sec"],
        ["social"] = ["soc"],
        ["credit"] = ["cc"],
        ["passport"] = ["pass"],
    };

    public static string[] Rewrite(string[] words, SplitMix64 rng)
    {
        var candidates = Enumerable.Range(0, words.Length).Where(i => Rewrites.ContainsKey(words[i])).ToArray();
        if (candidates.Length == 0)
        {
            return words;
        }

        var at = candidates[rng.Next(candidates.Length)];
        var result = (string[])words.Clone();
        result[at] = rng.Pick(Rewrites[words[at]]);
        return result;
    }

    public static string[] DropWord(string[] words, SplitMix64 rng)
    {
        if (words.Length < 2)
        {
            return words;
        }

        var at = rng.Next(words.Length);
        return [.. words.Take(at), .. words.Skip(at + 1)];
    }

    /// <summary>One edit (swap, delete, duplicate, substitute) in one word of four letters or more.</summary>
    public static string[] Typo(string[] words, SplitMix64 rng)
    {
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 4).ToArray();
        if (candidates.Length == 0)
        {
            return words;
        }

        var at = candidates[rng.Next(candidates.Length)];
        var word = new StringBuilder(words[at]);
        var pos = 1 + rng.Next(word.Length - 2);
        switch (rng.Next(4))
        {
            case 0:
                (word[pos], word[pos + 1]) = (word[pos + 1], word[pos]);
                break;
            case 1:
                word.Remove(pos, 1);
                break;
            case 2:
                word.Insert(pos, word[pos]);
                break;
            default:
                word[pos] = (char)('a' + rng.Next(26));
                break;
        }

        var result = (string[])words.Clone();
        result[at] = word.ToString();
        return result;
    }

    /// <summary>How callers write a detector name: as is, compacted, first word only, versioned, or absent.</summary>
    public static string Detector(string detector, SplitMix64 rng)
    {
        var words = LabelText.Tokens(LabelText.Compact(detector));
        return rng.Next(8) switch
        {
            0 => string.Join(' ', words.Select(Capitalise)),
            1 => string.Join('_', words),
            2 => words.Length > 0 ? words[0] : detector,
            3 => detector + "-v2",
            4 => string.Concat(words.Select(Capitalise)),
            _ => detector,
        };
    }

    private static string Capitalise(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
