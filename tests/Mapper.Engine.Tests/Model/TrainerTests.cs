using Mapper.Engine.Model.Training;

namespace Mapper.Engine.Tests.Model;

public sealed class TrainerTests
{
    [Fact]
    public void Build_SameDataAndSeed_ByteIdenticalModel()
    {
        var again = TestAdapters.Build("1.0.0", TestAdapters.Small);

        Assert.Equal(TestAdapters.V1.Model, again.Model);
        Assert.Equal(TestAdapters.V1.Manifest.TrainingDataHash, again.Manifest.TrainingDataHash);
    }

    [Fact]
    public void Build_DifferentSeed_DifferentBytes()
    {
        Assert.NotEqual(TestAdapters.V1.Model, TestAdapters.V2.Model);
    }

    [Fact]
    public void Build_LeakGuard_DropsRowsEqualToEvaluationStringsAndCountsThem()
    {
        var data = BundledData.Load();
        var set = new TrainingDataBuilder(data, TestAdapters.Small.Data).Build(1, ["Hate Speech", "EMAIL-ADDR"]);

        Assert.True(set.DroppedByLeakGuard > 0);
        Assert.DoesNotContain(set.Train.Concat(set.Calibration), r => Mapper.Engine.Rules.LabelText.Compact(r.RawLabel) is "hate_speech" or "email_addr");
    }

    [Fact]
    public void Build_Negations_FollowTheDetectorsOwnRuleTable()
    {
        var set = new TrainingDataBuilder(BundledData.Load()).Build(1);
        var rows = set.Train.Concat(set.Calibration).ToArray();

        Assert.Contains(rows, r => r.Detector == "deberta-toxicity" && r.RawLabel == "not_toxic" && r.Label == "OTHER.Unknown");
        Assert.Contains(rows, r => r.Source == ExampleSource.Negation && r.Detector == "openai-moderation" && r.Label == "OTHER.Safe");
        Assert.DoesNotContain(rows, r => r.Source == ExampleSource.Negation && r.Label.StartsWith("HARM.", StringComparison.Ordinal));
    }

    [Fact]
    public void Calibration_KnownValues()
    {
        ScoredPrediction[] predictions = [new(0.95, true), new(0.95, false), new(0.55, true), new(0.15, false)];

        Assert.Equal(((0.95 * 2) - 1 + 0.45 + 0.15) / 4, Calibration.ExpectedCalibrationError(predictions), 9);
        Assert.Equal((0.5, 0.5), Calibration.AtThreshold(predictions, 0.6));
    }
}
