using Mapper.Engine.Data;
using Mapper.Engine.Quality;
using Mapper.Engine.Rules;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Model.Training;

/// <summary>The model's answer to one golden case: its label set, its confidence and whether the set was right.</summary>
public sealed record CaseVerdict(GoldenCase Case, IReadOnlyList<string> Predicted, double Confidence, bool Correct);

/// <summary>How an adapter did on a set of golden cases.</summary>
public sealed record EvaluationResult(
    int Cases,
    double Accuracy,
    double ExpectedCalibrationError,
    double Threshold,
    double AccuracyAtThreshold,
    double Coverage,
    IReadOnlyList<CaseVerdict> Misses);

/// <summary>Runs golden cases through any predictor (managed weights or a live ONNX session).</summary>
public static class Evaluation
{
    public const double DefaultThreshold = 0.6;

    public static EvaluationResult Evaluate(
        Func<IReadOnlyList<ModelInput>, IReadOnlyList<ModelPrediction>> predict,
        IEnumerable<GoldenCase> cases,
        double threshold = DefaultThreshold)
    {
        var verdicts = Judge(predict, cases);
        var scored = new ScoredPrediction[verdicts.Count];
        var misses = new List<CaseVerdict>();
        for (var i = 0; i < verdicts.Count; i++)
        {
            scored[i] = new ScoredPrediction(verdicts[i].Confidence, verdicts[i].Correct);
            if (!verdicts[i].Correct)
            {
                misses.Add(verdicts[i]);
            }
        }

        var (accuracyAt, coverage) = Calibration.AtThreshold(scored, threshold);
        return new EvaluationResult(
            verdicts.Count,
            verdicts.Count == 0 ? 0 : (verdicts.Count - misses.Count) / (double)verdicts.Count,
            Calibration.ExpectedCalibrationError(scored),
            threshold,
            accuracyAt,
            coverage,
            misses);
    }

    /// <summary>Every case's verdict, in order; all parts of all cases go to the predictor as one batch.</summary>
    public static IReadOnlyList<CaseVerdict> Judge(Func<IReadOnlyList<ModelInput>, IReadOnlyList<ModelPrediction>> predict, IEnumerable<GoldenCase> cases)
    {
        var list = cases as IReadOnlyList<GoldenCase> ?? [.. cases];
        var inputs = new List<ModelInput>(list.Count);
        var starts = new int[list.Count + 1];
        for (var i = 0; i < list.Count; i++)
        {
            starts[i] = inputs.Count;
            foreach (var part in Parts(list[i].InputOutput))
            {
                inputs.Add(new ModelInput(list[i].Detector, part));
            }
        }

        starts[list.Count] = inputs.Count;
        var predictions = inputs.Count == 0 ? [] : predict(inputs);
        var verdicts = new CaseVerdict[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var (labels, confidence) = Fold(predictions, starts[i], starts[i + 1]);
            var correct = labels.ToHashSet(StringComparer.Ordinal).SetEquals(list[i].ExpectedTaxonomy);
            verdicts[i] = new CaseVerdict(list[i], labels, confidence, correct);
        }

        return verdicts;
    }

    /// <summary>Every rule row as a case expecting its own label: the smoke set every adapter must pass.</summary>
    public static IReadOnlyList<GoldenCase> RuleRows(MappingData data) =>
        [.. data.Detectors.SelectMany(d => d.Rules.Select(r => new GoldenCase(d.Detector, r.RawLabel, [r.CanonicalLabel])))];

    /// <summary>The labels the model is asked about, exactly as the pipeline asks (see <see cref="LabelText.ModelParts"/>).</summary>
    public static IReadOnlyList<string> Parts(string output) => LabelText.ModelParts(output);

    /// <summary>
    /// One answer from per-part predictions, as the pipeline folds them: the distinct known labels (or
    /// OTHER.Unknown when no part has one). The confidence is the weakest part's own probability, also for
    /// an OTHER.Unknown part: calibration asks whether the model's probability is right, and the pipeline's
    /// choice to treat Unknown as "no mapping" (confidence 0) is a routing rule, not the model's belief.
    /// </summary>
    public static (IReadOnlyList<string> Labels, double Confidence) Fold(IReadOnlyList<ModelPrediction> predictions, int start, int end)
    {
        var labels = new List<string>(end - start);
        var confidence = 1.0;
        for (var i = start; i < end; i++)
        {
            var p = predictions[i];
            confidence = Math.Min(confidence, p.Probability);
            if (p.Label != WellKnownLabels.Unknown && !labels.Contains(p.Label, StringComparer.Ordinal))
            {
                labels.Add(p.Label);
            }
        }

        return (labels.Count == 0 ? [WellKnownLabels.Unknown] : labels, end > start ? confidence : 0);
    }
}
