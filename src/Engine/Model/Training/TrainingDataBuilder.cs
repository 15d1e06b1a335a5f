using System.Security.Cryptography;
using System.Text;
using Mapper.Engine.Data;
using Mapper.Engine.Model.Features;
using Mapper.Engine.Rules;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Model.Training;

/// <summary>
/// Builds the training rows from the project's own data: rule rows, taxonomy aliases, label names and
/// descriptions, the domain lexicon, synthetic variants, negations, unrelated words and junk. Rule rows always
/// win a conflict, and the <see cref="LeakGuard"/> drops every row that is an evaluation string as the model sees
/// it (compacted, noise removed) and every row generated from one. Rows are keyed by that model text too, so
/// spellings that differ only in noise are one row.
/// </summary>
public sealed class TrainingDataBuilder(MappingData data, TrainingDataOptions? options = null, TrainingVocabulary? vocabulary = null)
{
    private readonly TrainingDataOptions _options = options ?? new TrainingDataOptions();
    private readonly TrainingVocabulary _vocabulary = vocabulary ?? TrainingVocabulary.From(data);

    public TrainingSet Build(ulong seed, IEnumerable<string>? evaluationStrings = null)
    {
        var rng = new SplitMix64(seed);
        var guard = new LeakGuard(evaluationStrings);
        var resolver = new LabelConflicts(data);
        var detectors = data.Detectors.Select(d => d.Detector).ToArray();
        var bases = new List<TrainingExample>();
        foreach (var set in data.Detectors)
        {
            bases.AddRange(set.Rules.Select(r => new TrainingExample(set.Detector, r.RawLabel, r.CanonicalLabel, ExampleSource.Rule)));
        }

        var rules = bases.ToArray();
        foreach (var label in data.Taxonomy.Labels)
        {
            string[] contexts = [string.Empty, rng.Pick(detectors), rng.Pick(detectors)];
            foreach (var context in contexts)
            {
                bases.AddRange(label.Aliases.Select(a => new TrainingExample(context, a, label.Name, ExampleSource.Alias)));
            }

            var segments = label.Name.Split('.');
            bases.Add(new TrainingExample(string.Empty, segments[^1], label.Name, ExampleSource.Alias));
            bases.Add(new TrainingExample(string.Empty, string.Join('_', segments.Skip(1)), label.Name, ExampleSource.Alias));
            bases.Add(new TrainingExample(string.Empty, label.Description, label.Name, ExampleSource.Description));
        }

        // Whole lexicon phrases (with every spelling made from them) are held out for calibration, so the
        // temperature is fitted on vocabulary the model has never seen, like real novel detector output.
        // Each held-out phrase goes whole to one half: the fit half sets the temperature, the measure half reports it.
        var heldOut = new Dictionary<TrainingExample, CalibrationHalf>();
        foreach (var entry in _vocabulary.Lexicon)
        {
            CalibrationHalf? half = rng.NextDouble() < _options.LexiconCalibrationFraction ? NextHalf(rng) : null;
            foreach (var context in new[] { string.Empty, rng.Pick(detectors) })
            {
                var row = new TrainingExample(context, entry.Phrase, entry.Label, ExampleSource.Lexicon);
                bases.Add(row);
                if (half is { } h)
                {
                    heldOut[row] = h;
                }
            }
        }

        var generated = new List<TrainingExample>();
        foreach (var row in bases)
        {
            var count = row.Source switch
            {
                ExampleSource.Rule => _options.VariantsPerRule,
                ExampleSource.Alias => _options.VariantsPerAlias,
                ExampleSource.Lexicon => _options.VariantsPerLexicon / 2,
                _ => 2,
            };
            for (var i = 0; i < count; i++)
            {
                var variant = Variant(row, rng);
                if (guard.Drops(variant, LabelNoise.ModelText(variant.RawLabel), origin: row))
                {
                    continue;
                }

                generated.Add(variant);
                if (heldOut.TryGetValue(row, out var half))
                {
                    heldOut.TryAdd(variant, half);
                }
            }
        }

        foreach (var detector in data.Detectors.Append(null))
        {
            var harmWords = (detector?.Rules ?? [])
                .Where(r => SyntheticNegatives.IsHarmLabel(r.CanonicalLabel))
                .Select(r => LabelText.Tokens(LabelText.Compact(r.RawLabel)))
                .Concat(data.Taxonomy.Labels.Where(l => SyntheticNegatives.IsHarmLabel(l.Name)).SelectMany(l => l.Aliases)
                    .Where(a => !guard.IsEvaluation(LabelNoise.ModelText(a))).Select(a => LabelText.Tokens(a)))
                .ToArray();
            var target = SyntheticNegatives.SafeTargetFor(detector);
            generated.AddRange(SyntheticNegatives.Negations(detector?.Detector ?? string.Empty, harmWords, target, _options.NegationsPerDetector, rng));
        }

        // An unrelated word that is an evaluation string is left out whole, with the spellings made from it.
        var negatives = _vocabulary.Negatives.Where(w => !guard.IsEvaluation(LabelNoise.ModelText(w))).ToArray();
        generated.AddRange(SyntheticNegatives.Unrelated(negatives, detectors, _options.VariantsPerNegative, rng));
        generated.AddRange(SyntheticNegatives.Junk(detectors, negatives, _options.JunkRows, rng));
        generated.AddRange(SyntheticNegatives.Wordless(detectors, 4, rng));
        generated.AddRange(SyntheticNegatives.NoiseOnly(detectors, _options.NoiseOnlyRows, rng));

        var train = new List<TrainingExample>();
        var fit = new List<TrainingExample>();
        var measure = new List<TrainingExample>();
        var seen = new HashSet<(string, string)>();
        foreach (var row in rules.SelectMany(r => Enumerable.Repeat(r, _options.RuleRepeats)).Concat(bases.Where(b => b.Source != ExampleSource.Rule)).Concat(generated))
        {
            var text = LabelNoise.ModelText(row.RawLabel);
            if (guard.Drops(row, text))
            {
                continue;
            }

            var label = resolver.Resolve(row);
            if (label is null)
            {
                continue;
            }

            // First row wins and rule rows come first, so a generated row equal to a rule row never reaches a calibration half.
            var key = (DetectorName.Normalize(row.Detector), text);
            if (!seen.Add(key) && row.Source != ExampleSource.Rule && key.Item2.Length > 0)
            {
                continue;
            }

            var resolved = row with { Label = label };
            // Wordless rows are never held out: every one of a detector is the same input, so one in training is all of them.
            var synthetic = row.Source is ExampleSource.Variant or ExampleSource.Negation or ExampleSource.Junk && text.Length > 0;
            CalibrationHalf? half = heldOut.TryGetValue(row, out var h) ? h
                : synthetic && rng.NextDouble() < _options.CalibrationFraction ? NextHalf(rng) : null;
            (half switch { CalibrationHalf.Fit => fit, CalibrationHalf.Measure => measure, _ => train }).Add(resolved);
        }

        return new TrainingSet(train, fit, measure, guard.Dropped, Hash(train, fit, measure));
    }

    private static CalibrationHalf NextHalf(SplitMix64 rng) => rng.Next(2) == 0 ? CalibrationHalf.Fit : CalibrationHalf.Measure;

    private static TrainingExample Variant(TrainingExample row, SplitMix64 rng)
    {
        var words = LabelText.Tokens(LabelText.Compact(row.RawLabel));
        if (rng.NextDouble() < 0.35)
        {
            words = LabelVariants.Rewrite(words, rng);
        }

        // A word dropped from a safe phrase can be the word that makes it safe ("no injection", "toxic false",
        // "moderation passed"): what is left names the harm, and a row teaching that "injection" is safe is the worst
        // lesson a safety mapper can learn. Safe and negated phrases keep every word.
        if (rng.NextDouble() < 0.15 && !CarriesPolarity(row, words))
        {
            words = LabelVariants.DropWord(words, rng);
        }

        if (rng.NextDouble() < 0.15)
        {
            words = LabelVariants.Typo(words, rng);
        }

        if (rng.NextDouble() < 0.2)
        {
            var detectorWord = LabelText.Tokens(DetectorName.Normalize(row.Detector)).FirstOrDefault();
            var prefix = detectorWord is not null && rng.Next(2) == 0 ? detectorWord : rng.Pick(LabelVariants.Prefixes);
            words = [prefix, .. words];
        }

        if (rng.NextDouble() < 0.25)
        {
            words = [.. words, rng.Pick(LabelVariants.Suffixes)];
        }

        var detector = rng.NextDouble() < 0.3 ? LabelVariants.Detector(row.Detector, rng) : row.Detector;
        return new TrainingExample(detector, LabelVariants.Style(words, rng.Next(LabelVariants.StyleCount)), row.Label, ExampleSource.Variant);
    }

    private static bool CarriesPolarity(TrainingExample row, string[] words) =>
        row.Label == WellKnownLabels.Safe || Polarity.Split(words).Negated;

    private static string Hash(IEnumerable<TrainingExample> train, IEnumerable<TrainingExample> fit, IEnumerable<TrainingExample> measure)
    {
        var text = new StringBuilder();
        foreach (var (name, rows) in new[] { ("", train), ("#calibration-fit\n", fit), ("#calibration-measure\n", measure) })
        {
            text.Append(name);
            foreach (var row in rows)
            {
                text.Append(row.Detector).Append('\t').Append(row.RawLabel).Append('\t').Append(row.Label).Append('\n');
            }
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
