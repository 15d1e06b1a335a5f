using System.Security.Cryptography;
using System.Text;
using Mapper.Engine.Data;
using Mapper.Engine.Model.Features;
using Mapper.Engine.Rules;

namespace Mapper.Engine.Model.Training;

/// <summary>
/// Builds the training rows from the project's own data: rule rows, taxonomy aliases, label names and
/// descriptions, the domain lexicon, synthetic variants, negations, unrelated words and junk. Rule rows always
/// win a conflict, and the leak guard drops every row whose compacted label equals an evaluation string's.
/// </summary>
public sealed class TrainingDataBuilder(MappingData data, TrainingDataOptions? options = null, TrainingVocabulary? vocabulary = null)
{
    private readonly TrainingDataOptions _options = options ?? new TrainingDataOptions();
    private readonly TrainingVocabulary _vocabulary = vocabulary ?? TrainingVocabulary.From(data);

    public TrainingSet Build(ulong seed, IEnumerable<string>? evaluationStrings = null)
    {
        var rng = new SplitMix64(seed);
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
        var heldOut = new HashSet<TrainingExample>();
        foreach (var entry in _vocabulary.Lexicon)
        {
            var holdOut = rng.NextDouble() < _options.LexiconCalibrationFraction;
            foreach (var context in new[] { string.Empty, rng.Pick(detectors) })
            {
                var row = new TrainingExample(context, entry.Phrase, entry.Label, ExampleSource.Lexicon);
                bases.Add(row);
                if (holdOut)
                {
                    heldOut.Add(row);
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
                generated.Add(variant);
                if (heldOut.Contains(row))
                {
                    heldOut.Add(variant);
                }
            }
        }

        foreach (var detector in data.Detectors.Append(null))
        {
            var harmWords = (detector?.Rules ?? [])
                .Where(r => SyntheticNegatives.IsHarmLabel(r.CanonicalLabel))
                .Select(r => LabelText.Tokens(LabelText.Compact(r.RawLabel)))
                .Concat(data.Taxonomy.Labels.Where(l => SyntheticNegatives.IsHarmLabel(l.Name)).SelectMany(l => l.Aliases).Select(a => LabelText.Tokens(a)))
                .ToArray();
            var target = SyntheticNegatives.SafeTargetFor(detector);
            generated.AddRange(SyntheticNegatives.Negations(detector?.Detector ?? string.Empty, harmWords, target, _options.NegationsPerDetector, rng));
        }

        generated.AddRange(SyntheticNegatives.Unrelated(_vocabulary.Negatives, detectors, _options.VariantsPerNegative, rng));
        generated.AddRange(SyntheticNegatives.Junk(detectors, _vocabulary.Negatives, _options.JunkRows, rng));
        generated.AddRange(SyntheticNegatives.Wordless(detectors, 4, rng));

        var evaluation = new HashSet<string>((evaluationStrings ?? []).Select(LabelText.Compact), StringComparer.Ordinal);
        var dropped = 0;
        var train = new List<TrainingExample>();
        var calibration = new List<TrainingExample>();
        var seen = new HashSet<(string, string)>();
        foreach (var row in rules.SelectMany(r => Enumerable.Repeat(r, _options.RuleRepeats)).Concat(bases.Where(b => b.Source != ExampleSource.Rule)).Concat(generated))
        {
            if (evaluation.Contains(LabelText.Compact(row.RawLabel)))
            {
                dropped++;
                continue;
            }

            var label = resolver.Resolve(row);
            if (label is null)
            {
                continue;
            }

            var key = (DetectorName.Normalize(row.Detector), LabelText.Compact(row.RawLabel));
            if (row.Source != ExampleSource.Rule && key.Item2.Length > 0 && !seen.Add(key))
            {
                continue;
            }

            var resolved = row with { Label = label };
            var synthetic = row.Source is ExampleSource.Variant or ExampleSource.Negation or ExampleSource.Junk;
            var calibrate = heldOut.Contains(row) || (synthetic && rng.NextDouble() < _options.CalibrationFraction);
            (calibrate ? calibration : train).Add(resolved);
        }

        return new TrainingSet(train, calibration, dropped, Hash(train, calibration));
    }

    private static TrainingExample Variant(TrainingExample row, SplitMix64 rng)
    {
        var words = LabelText.Tokens(LabelText.Compact(row.RawLabel));
        if (rng.NextDouble() < 0.35)
        {
            words = LabelVariants.Rewrite(words, rng);
        }

        if (rng.NextDouble() < 0.15)
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

    private static string Hash(IEnumerable<TrainingExample> train, IEnumerable<TrainingExample> calibration)
    {
        var text = new StringBuilder();
        foreach (var row in train)
        {
            text.Append(row.Detector).Append('\t').Append(row.RawLabel).Append('\t').Append(row.Label).Append('\n');
        }

        text.Append("#calibration\n");
        foreach (var row in calibration)
        {
            text.Append(row.Detector).Append('\t').Append(row.RawLabel).Append('\t').Append(row.Label).Append('\n');
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
