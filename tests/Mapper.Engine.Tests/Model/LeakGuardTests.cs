using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Features;
using Mapper.Engine.Model.Training;
using Mapper.Engine.Quality;
using Mapper.Engine.Rules;

namespace Mapper.Engine.Tests.Model;

public sealed class LeakGuardTests
{
    [Fact]
    public void ForLeakGuard_BundledGolden_KeepsNovelPartsAndNoRuleRow()
    {
        var data = BundledData.Load();
        var ruleKeys = data.Detectors.SelectMany(d => d.Rules).Select(r => LabelText.Compact(r.RawLabel)).ToHashSet();

        var strings = EvaluationStrings.ForLeakGuard(data, ModelOptions.BundledGoldenDirectory);

        Assert.True(strings.Count > 100, $"only {strings.Count} evaluation strings");
        Assert.Contains("SELF_INJURY", strings);
        Assert.DoesNotContain(strings, s => s.Contains('|', StringComparison.Ordinal));
        Assert.DoesNotContain(strings, s => ruleKeys.Contains(LabelText.Compact(s)));
    }

    [Fact]
    public void ForLeakGuard_PipeJoinedCase_ContributesEachNovelPart()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(directory.Path, "heldout"));
        File.WriteAllText(Path.Combine(directory.Path, "heldout", "x.json"), """
            {"test_cases": [{"detector": "presidio", "input_output": "EMAIL_ADDRESS|zorbly thing", "expected_taxonomy": ["PII.Contact.Email"]}]}
            """);

        var strings = EvaluationStrings.ForLeakGuard(BundledData.Load(), directory.Path);

        Assert.Equal(["zorbly thing"], strings);
    }

    [Fact]
    public void ForLeakGuard_AnyFolderButRules_IsGuarded()
    {
        using var directory = new TempDirectory();
        foreach (var (set, raw) in new[] { ("blind", "zorbly blind"), ("rules", "zorbly rules"), ("variants", "zorbly variant") })
        {
            Directory.CreateDirectory(Path.Combine(directory.Path, set));
            File.WriteAllText(
                Path.Combine(directory.Path, set, "x.json"),
                "{\"test_cases\": [{\"detector\": \"presidio\", \"input_output\": \"" + raw + "\", \"expected_taxonomy\": [\"OTHER.Unknown\"]}]}");
        }

        var strings = EvaluationStrings.ForLeakGuard(BundledData.Load(), directory.Path);

        Assert.Equal(["blind", "variants"], EvaluationStrings.EvaluationSets(directory.Path));
        Assert.Equal(["zorbly blind", "zorbly variant"], strings);
    }

    [Fact]
    public void ForLeakGuard_MissingDirectory_Throws()
    {
        Assert.Throws<GoldenCaseFormatException>(() =>
            EvaluationStrings.ForLeakGuard(BundledData.Load(), Path.Combine(Path.GetTempPath(), "no-such-golden-" + Guid.NewGuid().ToString("N"))));
    }

    [Fact]
    public void Build_WithGoldenEvaluationStrings_NoTrainingRowEqualsOne()
    {
        var data = BundledData.Load();
        var evaluation = EvaluationStrings.ForLeakGuard(data, ModelOptions.BundledGoldenDirectory);
        var compacted = evaluation.Select(LabelText.Compact).ToHashSet(StringComparer.Ordinal);

        var set = new TrainingDataBuilder(data).Build(TrainingOptions.BaselineSeed, evaluation);

        Assert.True(set.DroppedByLeakGuard > 0);
        Assert.DoesNotContain(set.Train.Concat(set.Calibration), row => compacted.Contains(LabelText.Compact(row.RawLabel)));
        Assert.Equal(data.RuleCount * new TrainingDataOptions().RuleRepeats, set.Train.Count(r => r.Source == ExampleSource.Rule));
    }

    [Fact]
    public void Build_NoisyEvaluationString_DropsEveryRowTheModelCannotTellFromIt()
    {
        var vocabulary = new TrainingVocabulary([new LexiconEntry("zorbly", "HARM.SPEECH.Insult"), new LexiconEntry("quaxle", "HARM.SPEECH.Insult")], []);
        var options = new TrainingDataOptions { LexiconCalibrationFraction = 0 };

        var set = new TrainingDataBuilder(BundledData.Load(), options, vocabulary).Build(1, ["azure_ZORBLY_score_v2"]);
        var rows = set.Train.Concat(set.Calibration).ToArray();

        Assert.True(set.DroppedByLeakGuard > 0);
        Assert.DoesNotContain(rows, r => LabelNoise.ModelText(r.RawLabel) == "zorbly");
        Assert.DoesNotContain(rows, r => r.RawLabel.Contains("zorbly", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(rows, r => r.Source == ExampleSource.Lexicon && r.RawLabel == "quaxle");
        Assert.Contains(rows, r => r.Source == ExampleSource.Variant && LabelNoise.ModelText(r.RawLabel) != "quaxle"
            && r.RawLabel.Contains("quaxle", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Drops_RowGeneratedFromAnEvaluationPhrase_DroppedWhateverItsOwnText()
    {
        var guard = new LeakGuard(["azure_ZORBLY_score_v2"]);
        var variant = new TrainingExample("presidio", "zorbly_flag", "HARM.SPEECH.Insult", ExampleSource.Variant);

        Assert.True(guard.Drops(variant, LabelNoise.ModelText(variant.RawLabel), origin: new TrainingExample("", "zorbly", "HARM.SPEECH.Insult", ExampleSource.Lexicon)));
        Assert.False(guard.Drops(variant, LabelNoise.ModelText(variant.RawLabel), origin: new TrainingExample("", "quaxle", "HARM.SPEECH.Insult", ExampleSource.Lexicon)));
        Assert.True(guard.Drops(variant with { RawLabel = "Zorbly-v9" }, "zorbly"));
        Assert.Equal(2, guard.Dropped);
    }

    [Fact]
    public void Drops_RuleRow_OnlyWhenItIsItselfAnEvaluationString()
    {
        var guard = new LeakGuard(["HATE_v2", "Hate Speech"]);
        var rule = new TrainingExample("amazon-bedrock-guardrails", "HATE", "HARM.SPEECH.Hate.Other", ExampleSource.Rule);

        Assert.False(guard.Drops(rule, "hate"));
        Assert.True(guard.Drops(rule with { RawLabel = "HATE_SPEECH" }, "hate_speech"));
        Assert.False(guard.Drops(new TrainingExample("presidio", "hate_flag", "HARM.SPEECH.Hate.Other", ExampleSource.Variant), "hate_flag", origin: rule));
    }

    [Fact]
    public void Build_EvaluationStringSharingItsModelTextWithARuleRow_KeepsTheRuleRowDropsTheRest()
    {
        var data = BundledData.Load();

        var set = new TrainingDataBuilder(data).Build(1, ["HATE_v2"]);
        var rows = set.Train.Concat(set.Calibration).ToArray();

        Assert.Equal(data.RuleCount * new TrainingDataOptions().RuleRepeats, set.Train.Count(r => r.Source == ExampleSource.Rule));
        Assert.Contains(rows, r => r.Source == ExampleSource.Rule && r.RawLabel == "HATE");
        Assert.DoesNotContain(rows, r => r.Source != ExampleSource.Rule && LabelNoise.ModelText(r.RawLabel) == "hate");
    }
}
