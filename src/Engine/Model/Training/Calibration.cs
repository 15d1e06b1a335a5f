namespace Mapper.Engine.Model.Training;

/// <summary>One scored prediction: the model's confidence and whether it was right.</summary>
public readonly record struct ScoredPrediction(double Confidence, bool Correct);

/// <summary>Calibration measures reported in adapter manifests.</summary>
public static class Calibration
{
    /// <summary>
    /// Expected calibration error: the sample-weighted mean gap between confidence and accuracy over
    /// equal-width confidence bins. Zero means "90% sure" is right 90% of the time.
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<ScoredPrediction> predictions, int bins = 10)
    {
        if (predictions.Count == 0)
        {
            return 0;
        }

        var count = new int[bins];
        var confidence = new double[bins];
        var correct = new double[bins];
        foreach (var p in predictions)
        {
            var bin = Math.Clamp((int)(p.Confidence * bins), 0, bins - 1);
            count[bin]++;
            confidence[bin] += p.Confidence;
            correct[bin] += p.Correct ? 1 : 0;
        }

        var error = 0.0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                error += Math.Abs(confidence[b] - correct[b]) / predictions.Count;
            }
        }

        return error;
    }

    /// <summary>Accuracy of the predictions at or above <paramref name="threshold"/>, and the share that are (coverage).</summary>
    public static (double Accuracy, double Coverage) AtThreshold(IReadOnlyList<ScoredPrediction> predictions, double threshold)
    {
        var covered = predictions.Where(p => p.Confidence >= threshold).ToArray();
        var accuracy = covered.Length == 0 ? 0 : covered.Count(p => p.Correct) / (double)covered.Length;
        var coverage = predictions.Count == 0 ? 0 : covered.Length / (double)predictions.Count;
        return (accuracy, coverage);
    }
}
