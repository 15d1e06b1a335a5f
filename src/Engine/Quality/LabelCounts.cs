namespace Mapper.Engine.Quality;

/// <summary>
/// True/false positives and false negatives over labels. Each case contributes its predicted and
/// expected label sets: TP = |predicted ∩ expected|, FP = |predicted \ expected|, FN = |expected \ predicted|.
/// OTHER.Unknown counts like any other label: predicting it for junk is a correct answer.
/// </summary>
public readonly record struct LabelCounts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>0 when nothing was predicted.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>0 when nothing was expected.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static LabelCounts Of(IReadOnlyCollection<string> predicted, IReadOnlyCollection<string> expected)
    {
        var truePositives = predicted.Count(expected.Contains);
        return new LabelCounts(truePositives, predicted.Count - truePositives, expected.Count - truePositives);
    }

    public static LabelCounts operator +(LabelCounts a, LabelCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
