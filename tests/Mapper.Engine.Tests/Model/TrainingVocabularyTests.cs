using Mapper.Engine.Data;
using Mapper.Engine.Model.Features;
using Mapper.Engine.Model.Training;
using Mapper.Engine.Rules;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Tests.Model;

public sealed class TrainingVocabularyTests
{
    private const string Negatives = """{"lookalikes": ["xylophone"], "unrelated": ["banana"]}""";

    [Fact]
    public void LoadBundled_Lexicon_HundredsOfPhrasesOnTaxonomyLabels()
    {
        var data = BundledData.Load();

        var vocabulary = TrainingVocabulary.LoadBundled(data.Taxonomy);

        Assert.True(vocabulary.Lexicon.Count > 500, $"only {vocabulary.Lexicon.Count} lexicon phrases");
        Assert.True(vocabulary.Negatives.Count > 300, $"only {vocabulary.Negatives.Count} negatives");
        Assert.All(vocabulary.Lexicon, e => Assert.True(data.Taxonomy.Contains(e.Label), e.Label));
        Assert.Contains(new LexiconEntry("nsfw", "HARM.VIOLENCE.Sexual"), vocabulary.Lexicon);
        Assert.Contains(new LexiconEntry("intimidation", "HARM.SPEECH.Threat"), vocabulary.Lexicon);
        Assert.Contains("xylophone", vocabulary.Negatives);
    }

    [Fact]
    public void LoadBundled_Lexicon_NoPhraseContradictsARuleRowOrAlias()
    {
        var data = BundledData.Load();
        var known = data.Detectors.SelectMany(d => d.Rules).Select(r => (LabelText.Compact(r.RawLabel), r.CanonicalLabel))
            .Concat(data.Taxonomy.Labels.SelectMany(l => l.Aliases.Select(a => (LabelText.Compact(a), l.Name))))
            .ToLookup(k => k.Item1, k => k.Item2);

        var contradictions = TrainingVocabulary.LoadBundled(data.Taxonomy).Lexicon
            .Where(e => known.Contains(LabelText.Compact(e.Phrase)) && !known[LabelText.Compact(e.Phrase)].Contains(e.Label))
            .Select(e => $"{e.Phrase}→{e.Label}");

        Assert.Empty(contradictions);
    }

    [Fact]
    public void Load_UnknownLabel_NamesFileAndEntry()
    {
        using var directory = Write("""{"labels": {"PII.Contact.Pager": ["pager"]}}""");

        var error = Assert.Throws<MappingDataException>(() => TrainingVocabulary.Load(directory.Path, BundledData.Load().Taxonomy));

        Assert.Equal(TrainingVocabulary.LexiconFileName, error.File);
        Assert.Equal("PII.Contact.Pager", error.Entry);
    }

    [Fact]
    public void Load_PhraseClaimedByTwoLabels_NamesBoth()
    {
        using var directory = Write("""{"labels": {"HARM.SPEECH.Insult": ["name calling"], "HARM.SPEECH.Threat": ["Name-Calling"]}}""");

        var error = Assert.Throws<MappingDataException>(() => TrainingVocabulary.Load(directory.Path, BundledData.Load().Taxonomy));

        Assert.Equal("HARM.SPEECH.Threat: 'Name-Calling'", error.Entry);
        Assert.Contains("HARM.SPEECH.Insult", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Lexicon_RuleRowsWinAndNegativesAreUnknown()
    {
        var data = BundledData.Load();
        var vocabulary = new TrainingVocabulary(
            [new LexiconEntry("hate speech", "HARM.SPEECH.Insult"), new LexiconEntry("cussing", "HARM.SPEECH.Obscenity")],
            ["xylophone"]);

        var set = new TrainingDataBuilder(data, new TrainingDataOptions { LexiconCalibrationFraction = 0 }, vocabulary).Build(TrainingOptions.BaselineSeed);
        var rows = set.Train.Concat(set.Calibration).ToArray();

        Assert.DoesNotContain(rows, r => LabelText.Compact(r.RawLabel) == "hate_speech" && r.Label == "HARM.SPEECH.Insult");
        Assert.Contains(rows, r => r.Source == ExampleSource.Lexicon && r.RawLabel == "cussing" && r.Label == "HARM.SPEECH.Obscenity");
        Assert.Contains(rows, r => r.RawLabel == "xylophone" && r.Label == WellKnownLabels.Unknown);
    }

    [Fact]
    public void Build_HeldOutLexiconPhrases_NeverTrainedOn()
    {
        var set = new TrainingDataBuilder(BundledData.Load()).Build(TrainingOptions.BaselineSeed);
        var trained = set.Train.Select(r => (r.Detector, LabelText.Compact(r.RawLabel))).ToHashSet();

        var heldOut = set.Calibration.Where(r => r.Source == ExampleSource.Lexicon).ToArray();

        Assert.NotEmpty(heldOut);
        Assert.DoesNotContain(heldOut, r => trained.Contains((r.Detector, LabelText.Compact(r.RawLabel))));
    }

    [Fact]
    public void Build_SafePhraseVariants_NeverLoseTheWordThatMakesThemSafe()
    {
        var vocabulary = new TrainingVocabulary(
            [new LexiconEntry("moderation passed", WellKnownLabels.Safe), new LexiconEntry("toxicity detected false", WellKnownLabels.Safe)], []);

        var set = new TrainingDataBuilder(BundledData.Load(), new TrainingDataOptions { LexiconCalibrationFraction = 0, VariantsPerLexicon = 400 }, vocabulary)
            .Build(TrainingOptions.BaselineSeed);

        var safe = set.Train.Concat(set.Calibration).Where(r => r.Label == WellKnownLabels.Safe).Select(r => LabelNoise.ModelText(r.RawLabel)).ToHashSet();
        Assert.Contains("moderation_passed", safe);
        Assert.DoesNotContain("moderation", safe);
        Assert.DoesNotContain("toxicity_detected", safe);
    }

    private static TempDirectory Write(string lexicon)
    {
        var directory = new TempDirectory();
        File.WriteAllText(Path.Combine(directory.Path, TrainingVocabulary.LexiconFileName), lexicon);
        File.WriteAllText(Path.Combine(directory.Path, TrainingVocabulary.NegativesFileName), Negatives);
        return directory;
    }
}
