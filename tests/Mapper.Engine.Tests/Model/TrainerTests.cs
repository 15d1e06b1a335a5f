using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Features;
using Mapper.Engine.Model.Training;
using Mapper.Engine.Quality;
using Microsoft.Extensions.Time.Testing;

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
    public void Build_CalibrationHalves_DisjointFromEachOtherAndFromTraining()
    {
        var set = new TrainingDataBuilder(BundledData.Load()).Build(TrainingOptions.BaselineSeed);
        static HashSet<(string, string)> Keys(IEnumerable<TrainingExample> rows) =>
            [.. rows.Select(r => (DetectorName.Normalize(r.Detector), LabelNoise.ModelText(r.RawLabel)))];
        var train = Keys(set.Train);
        var fit = Keys(set.CalibrationFit);
        var measure = Keys(set.CalibrationMeasure);

        Assert.True(fit.Count > 200 && measure.Count > 200, $"fit {fit.Count}, measure {measure.Count}");
        Assert.Empty(fit.Intersect(measure));
        Assert.Empty(fit.Intersect(train));
        Assert.Empty(measure.Intersect(train));
        Assert.Contains(set.CalibrationFit, r => r.Source == ExampleSource.Lexicon);
        Assert.Contains(set.CalibrationMeasure, r => r.Source == ExampleSource.Lexicon);
    }

    [Fact]
    public void Build_HeldOutLexiconPhrase_GoesWholeToOneHalf()
    {
        var set = new TrainingDataBuilder(BundledData.Load()).Build(TrainingOptions.BaselineSeed);
        var fitPhrases = set.CalibrationFit.Where(r => r.Source == ExampleSource.Lexicon).Select(r => r.RawLabel).ToHashSet();
        var measurePhrases = set.CalibrationMeasure.Where(r => r.Source == ExampleSource.Lexicon).Select(r => r.RawLabel).ToHashSet();

        Assert.Empty(fitPhrases.Intersect(measurePhrases));
    }

    [Fact]
    public void Train_Temperature_FittedOnTheFitHalfAndMetricsMeasuredOnTheOther()
    {
        var data = BundledData.Load();
        var result = TestAdapters.V1.Training;
        var measure = result.Data.CalibrationMeasure.Select(e => new GoldenCase(e.Detector, e.RawLabel, [e.Label])).ToArray();

        var refit = TemperatureFit.Fit(result.Weights, result.Featurizer, result.Data.CalibrationFit, data.Taxonomy);
        var remeasured = Evaluation.Evaluate(inputs => inputs.Select(i => Trainer.ManagedPredict(result.Weights, result.Featurizer, i)).ToArray(), measure);

        Assert.Equal(refit, result.Weights.Temperature);
        Assert.Equal(measure.Length, result.Calibration.Cases);
        Assert.Equal(remeasured.ExpectedCalibrationError, result.Calibration.ExpectedCalibrationError, 12);
        Assert.Equal(remeasured.Accuracy, result.Calibration.Accuracy, 12);
    }

    [Fact]
    public void Build_Manifest_SaysWhichSliceTheMetricsComeFrom()
    {
        var adapter = TestAdapters.V1;
        var metrics = adapter.Manifest.Metrics;

        Assert.Equal(AdapterMetrics.MeasureSlice, metrics.CalibrationSlice);
        Assert.Equal(adapter.Training.Data.CalibrationMeasure.Count, metrics.CalibrationCases);
        Assert.Equal(AdapterMetrics.FitSlice, metrics.TemperatureFitSlice);
        Assert.Equal(adapter.Training.Data.CalibrationFit.Count, metrics.TemperatureFitCases);
    }

    [Fact]
    public void Train_WithProgress_ReportsEveryEpochInOrderWithFallingLoss()
    {
        var progress = new RecordingProgress();

        Trainer.Train(BundledData.Load(), TestAdapters.Small, progress: progress, cancellationToken: TestContext.Current.CancellationToken);

        var epochs = TestAdapters.Small.Epochs;
        Assert.Equal(Enumerable.Range(1, epochs), progress.Reports.Select(r => r.Epoch));
        Assert.All(progress.Reports, r => Assert.Equal(epochs, r.Epochs));
        Assert.Equal(progress.Reports.Select(r => r.Epoch / (double)epochs), progress.Reports.Select(r => r.Fraction));
        Assert.Equal(1.0, progress.Reports[^1].Fraction);
        Assert.All(progress.Reports, r => Assert.True(double.IsFinite(r.Loss) && r.Loss > 0, $"loss {r.Loss}"));
        Assert.True(progress.Reports[^1].Loss < progress.Reports[0].Loss / 2, $"loss {progress.Reports[0].Loss} → {progress.Reports[^1].Loss}");
    }

    [Fact]
    public void Train_CancelledDuringTraining_ThrowsBeforeTheNextEpochEnds()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new RecordingProgress(_ => cancellation.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Trainer.Train(BundledData.Load(), TestAdapters.Small, progress: progress, cancellationToken: cancellation.Token));

        Assert.Single(progress.Reports);
    }

    [Fact]
    public void Build_WithProgressAndCancellation_ForwardsBoth()
    {
        var progress = new RecordingProgress();
        var built = AdapterBuilder.Build(BundledData.Load(), TestAdapters.Small with { Epochs = 2 }, TestAdapters.Id, "9.0.0", null,
            new FakeTimeProvider(), progress: progress, cancellationToken: TestContext.Current.CancellationToken);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Equal([1, 2], progress.Reports.Select(r => r.Epoch));
        Assert.NotEmpty(built.Model);
        Assert.ThrowsAny<OperationCanceledException>(() => AdapterBuilder.Build(BundledData.Load(), TestAdapters.Small, TestAdapters.Id, "9.0.1", null,
            new FakeTimeProvider(), progress: progress, cancellationToken: cancelled.Token));
        Assert.Equal(2, progress.Reports.Count);
    }

    [Fact]
    public void Calibration_KnownValues()
    {
        ScoredPrediction[] predictions = [new(0.95, true), new(0.95, false), new(0.55, true), new(0.15, false)];

        Assert.Equal(((0.95 * 2) - 1 + 0.45 + 0.15) / 4, Calibration.ExpectedCalibrationError(predictions), 9);
        Assert.Equal((0.5, 0.5), Calibration.AtThreshold(predictions, 0.6));
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class RecordingProgress(Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
    {
        public List<TrainingProgress> Reports { get; } = [];

        public void Report(TrainingProgress value)
        {
            Reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
