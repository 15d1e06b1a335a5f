namespace Mapper.Engine.Model.Training;

/// <summary>One golden case: what a detector said and the labels that count as right.</summary>
public sealed record GoldenCase(string Detector, string RawLabel, IReadOnlyList<string> ExpectedLabels);

/// <summary>How an adapter did on a set of golden cases.</summary>
public sealed record EvaluationResult(
    int Cases,
    double Accuracy,
    double ExpectedCalibrationError,
    double Threshold,
    double AccuracyAtThreshold,
    double Coverage,
    IReadOnlyList<(GoldenCase Case, ModelPrediction Prediction)> Misses);

/// <summary>Runs golden cases through any predictor (managed weights or a live ONNX session).</summary>
public static class Evaluation
{
    public const double DefaultThreshold = 0.6;

    public static EvaluationResult Evaluate(
        Func<IReadOnlyList<ModelInput>, IReadOnlyList<ModelPrediction>> predict,
        IEnumerable<GoldenCase> cases,
        double threshold = DefaultThreshold)
    {
        var list = cases.ToArray();
        var predictions = list.Length == 0 ? [] : predict([.. list.Select(c => new ModelInput(c.Detector, c.RawLabel))]);
        var scored = new ScoredPrediction[list.Length];
        var misses = new List<(GoldenCase, ModelPrediction)>();
        for (var i = 0; i < list.Length; i++)
        {
            var correct = list[i].ExpectedLabels.Contains(predictions[i].Label, StringComparer.Ordinal);
            scored[i] = new ScoredPrediction(predictions[i].Probability, correct);
            if (!correct)
            {
                misses.Add((list[i], predictions[i]));
            }
        }

        var (accuracyAt, coverage) = Calibration.AtThreshold(scored, threshold);
        return new EvaluationResult(
            list.Length,
            list.Length == 0 ? 0 : scored.Count(s => s.Correct) / (double)list.Length,
            Calibration.ExpectedCalibrationError(scored),
            threshold,
            accuracyAt,
            coverage,
            misses);
    }
}
