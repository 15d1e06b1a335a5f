using Mapper.Engine.Rules;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Model.Training;

/// <summary>
/// Rows that teach the model what is NOT a harm: negated labels (<c>not_toxic</c>, <c>non_violent</c>,
/// <c>is_safe</c>) and junk that should stay <see cref="WellKnownLabels.Unknown"/>.
/// </summary>
public static class SyntheticNegatives
{
    private static readonly string[] NegationPrefixes = ["not", "non", "no", "is_not", "not_a", "without"];

    private static readonly string[] SafeWords =
        ["is_safe", "safe", "clean", "benign", "no_risk", "none_detected", "passed", "allowed", "ok", "acceptable", "no_issue", "harmless"];

    private static readonly string[] NeutralWords =
    [
        "banana", "invoice", "calendar", "music", "travel", "holiday", "stock", "furniture", "keyboard", "galaxy",
        "garden", "coffee", "movie", "sports", "shipping", "inventory", "meeting", "recipe", "planet", "bicycle",
        "orange", "tennis", "printer", "window", "summer", "river", "market", "yellow", "guitar", "pencil",
        "button", "office", "server", "status", "debug", "token", "session", "render", "layout", "unused",
        "placeholder", "misc", "foo", "bar", "baz", "qux", "lorem", "ipsum", "dummy", "sample", "xyz", "abc", "tmp",
    ];

    /// <summary>The label a detector's own table gives a "clean" output (e.g. deberta-toxicity says Unknown), else Safe.</summary>
    public static string SafeTargetFor(DetectorRuleSet? detector)
    {
        var safeRow = detector?.Rules.FirstOrDefault(r => LabelText.Compact(r.RawLabel) is "safe" or "clean" or "not_toxic");
        return safeRow?.CanonicalLabel ?? WellKnownLabels.Safe;
    }

    public static bool IsHarmLabel(string label) => !label.StartsWith("OTHER.", StringComparison.Ordinal);

    /// <summary>Negations of a detector's harm words plus plain "it is safe" words, all labelled with its safe target.</summary>
    public static IEnumerable<TrainingExample> Negations(string detector, IReadOnlyList<string[]> harmWords, string safeTarget, int count, SplitMix64 rng)
    {
        foreach (var safe in SafeWords)
        {
            yield return new TrainingExample(detector, LabelVariants.Style(LabelText.Tokens(safe), rng.Next(LabelVariants.StyleCount)), safeTarget, ExampleSource.Negation);
        }

        if (harmWords.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i < count; i++)
        {
            var words = rng.Pick(harmWords);
            if (rng.Next(3) == 0)
            {
                words = LabelVariants.Rewrite(words, rng);
            }

            string[] negated = [.. LabelText.Tokens(rng.Pick(NegationPrefixes)), .. words];
            yield return new TrainingExample(detector, LabelVariants.Style(negated, rng.Next(LabelVariants.StyleCount)), safeTarget, ExampleSource.Negation);
        }
    }

    /// <summary>
    /// Every unrelated word (negatives.json) as written and in <paramref name="perWord"/> more spellings
    /// (separators, a detector or vendor prefix, a score-like suffix), labelled Unknown.
    /// </summary>
    public static IEnumerable<TrainingExample> Unrelated(IReadOnlyList<string> words, IReadOnlyList<string> detectors, int perWord, SplitMix64 rng)
    {
        foreach (var word in words)
        {
            yield return new TrainingExample(string.Empty, word, WellKnownLabels.Unknown, ExampleSource.Junk);
            var tokens = LabelText.Tokens(LabelText.Compact(word));
            for (var i = 0; i < perWord; i++)
            {
                string[] styled = rng.Next(3) switch
                {
                    0 => [rng.Pick(LabelVariants.Prefixes), .. tokens],
                    1 => [.. tokens, rng.Pick(LabelVariants.Suffixes)],
                    _ => tokens,
                };
                var detector = rng.Next(3) == 0 ? string.Empty : rng.Pick(detectors);
                yield return new TrainingExample(detector, LabelVariants.Style(styled, rng.Next(LabelVariants.StyleCount)), WellKnownLabels.Unknown, ExampleSource.Junk);
            }
        }
    }

    /// <summary>
    /// Wordless outputs (only symbols, so only the detector's own features remain) for every detector and a few
    /// spellings of its name, labelled Unknown: the detector alone must not pick a label.
    /// </summary>
    public static IEnumerable<TrainingExample> Wordless(IReadOnlyList<string> detectors, int perDetector, SplitMix64 rng)
    {
        string[] symbols = ["???", "%%%", "---", "***", "...", "#", "?", "!!", "~", "//", "[]", "{}", "-/-"];
        foreach (var detector in detectors.Prepend(string.Empty))
        {
            for (var i = 0; i < perDetector; i++)
            {
                var spelled = i == 0 || detector.Length == 0 ? detector : LabelVariants.Detector(detector, rng);
                yield return new TrainingExample(spelled, rng.Pick(symbols), WellKnownLabels.Unknown, ExampleSource.Junk);
            }
        }
    }

    /// <summary>Random letter/digit strings and pairs of unrelated words, labelled Unknown.</summary>
    public static IEnumerable<TrainingExample> Junk(IReadOnlyList<string> detectors, IReadOnlyList<string> unrelated, int count, SplitMix64 rng)
    {
        IReadOnlyList<string> pool = unrelated.Count > 0 ? [.. NeutralWords, .. unrelated] : NeutralWords;
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (var i = 0; i < count; i++)
        {
            string raw;
            if (rng.Next(2) == 0)
            {
                var chars = new char[3 + rng.Next(8)];
                for (var c = 0; c < chars.Length; c++)
                {
                    chars[c] = Alphabet[rng.Next(Alphabet.Length)];
                }

                raw = new string(chars);
            }
            else
            {
                string[] words = rng.Next(2) == 0 ? LabelText.Tokens(LabelText.Compact(rng.Pick(pool))) : [.. LabelText.Tokens(LabelText.Compact(rng.Pick(pool))), .. LabelText.Tokens(LabelText.Compact(rng.Pick(pool)))];
                raw = LabelVariants.Style(words, rng.Next(LabelVariants.StyleCount));
            }

            var detector = rng.Next(4) == 0 ? string.Empty : rng.Pick(detectors);
            yield return new TrainingExample(detector, raw, WellKnownLabels.Unknown, ExampleSource.Junk);
        }
    }

    /// <summary>
    /// Outputs that are nothing but noise (<c>LABEL_3</c>, <c>class-12</c>, <c>v2</c>, <c>azure_category_7</c>), labelled
    /// Unknown: a numbered class or a bare version says nothing the model can map.
    /// </summary>
    public static IEnumerable<TrainingExample> NoiseOnly(IReadOnlyList<string> detectors, int count, SplitMix64 rng)
    {
        string[] fillers = ["label", "class", "category", "output", "result", "type", "tag", "entity", "index", "id"];
        for (var i = 0; i < count; i++)
        {
            var number = rng.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string[] words = rng.Next(4) switch
            {
                0 => [rng.Pick(LabelVariants.Prefixes), rng.Pick(fillers), number],
                1 => ["v" + number],
                2 => [number],
                _ => [rng.Pick(fillers), number],
            };
            var detector = rng.Next(4) == 0 ? string.Empty : rng.Pick(detectors);
            yield return new TrainingExample(detector, LabelVariants.Style(words, rng.Next(LabelVariants.StyleCount)), WellKnownLabels.Unknown, ExampleSource.Junk);
        }
    }
}
