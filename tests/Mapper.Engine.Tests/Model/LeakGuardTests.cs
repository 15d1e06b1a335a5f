using Mapper.Engine.Model;
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
}
