using Mapper.Engine.Controls;
using Mapper.Engine.Model.Training;

namespace Mapper.Engine.Quality;

/// <summary>Turns case results into a <see cref="QualityReport"/>: pure arithmetic, no engine calls.</summary>
public static class QualityReportBuilder
{
    public static QualityReport Build(
        IReadOnlyList<CaseResult> results, int files, int taxonomySize, MappingMode mode, QualityEnvironment environment, string profile)
    {
        var total = results.Count;
        var overall = results.Aggregate(default(LabelCounts), (sum, r) => sum + Counts(r));
        var modelOutputs = results.Where(r => r.ModelOutputValid is not null).ToList();
        double? schemaValid = modelOutputs.Count == 0 ? null : Percent(modelOutputs.Count(r => r.ModelOutputValid == true), modelOutputs.Count);
        var durations = results.Select(r => r.DurationMs).Order().ToList();
        var covered = results.SelectMany(r => r.Predicted.Intersect(r.Case.ExpectedTaxonomy, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal).Count();
        var detectors = results.GroupBy(r => r.Detector, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Detector(g.Key, g.ToList()))
            .ToList();
        var smallest = detectors.MinBy(d => d.Cases);

        var measured = new QualityMeasurements(
            schemaValid,
            overall.F1 * 100,
            Percentile(durations, 95),
            Percent(results.Count(r => r.FallbackReason is not null), total),
            smallest?.Cases ?? 0,
            smallest?.Detector,
            Percent(covered, taxonomySize));

        return new QualityReport
        {
            Mode = EngineOptions.ModeName(mode),
            Environment = QualityGates.Name(environment),
            Profile = profile,
            Files = files,
            Total = total,
            LabelAccuracyPercent = Percent(results.Count(r => r.LabelsEqual), total),
            PassRatePercent = Percent(results.Count(r => r.Passed), total),
            MicroF1Percent = measured.MicroF1Percent,
            MacroF1Percent = MacroF1(results) * 100,
            SchemaValidPercent = schemaValid,
            ModelOutputs = modelOutputs.Count,
            FallbackPercent = measured.FallbackPercent,
            FallbackReasons = results.Where(r => r.FallbackReason is not null)
                .GroupBy(r => r.FallbackReason!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            P50Ms = Percentile(durations, 50),
            P95Ms = measured.P95Ms,
            TaxonomyCoveragePercent = measured.TaxonomyCoveragePercent,
            LabelsCovered = covered,
            TaxonomySize = taxonomySize,
            Calibration = Calibrate(results),
            Novel = Split(results.Where(r => r.Novel).ToList()),
            Known = Split(results.Where(r => !r.Novel).ToList()),
            Detectors = detectors,
            Gates = QualityGates.Evaluate(measured, environment, profile, mode),
            Failures = results.Where(r => !r.Passed)
                .Select(r => new CaseFailure(r.File, r.Index, r.Case.Detector, r.Case.InputOutput, r.Case.ExpectedTaxonomy,
                    r.Predicted, r.Confidence, r.Case.ExpectedConfidenceMin, r.RuleTier))
                .ToList(),
        };
    }

    /// <summary>Nearest-rank percentile of an ascending list; 0 for an empty one.</summary>
    public static double Percentile(IReadOnlyList<double> ascending, double percentile)
    {
        if (ascending.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * ascending.Count);
        return ascending[Math.Clamp(rank - 1, 0, ascending.Count - 1)];
    }

    /// <summary>Mean over every label expected or predicted anywhere of that label's own F1.</summary>
    public static double MacroF1(IReadOnlyList<CaseResult> results)
    {
        var labels = results.SelectMany(r => r.Predicted.Concat(r.Case.ExpectedTaxonomy)).Distinct(StringComparer.Ordinal).ToList();
        if (labels.Count == 0)
        {
            return 0;
        }

        return labels.Average(label => results.Aggregate(default(LabelCounts), (sum, r) => sum + LabelCounts.Of(
            r.Predicted.Contains(label) ? [label] : [],
            r.Case.ExpectedTaxonomy.Contains(label) ? [label] : [])).F1);
    }

    /// <summary>ECE (10 bins) and accuracy at each case's operating threshold over the cases the model answered.</summary>
    public static ModelCalibration? Calibrate(IReadOnlyList<CaseResult> results)
    {
        const int bins = 10;
        var verdicts = results.Select(r => r.Model).OfType<ModelVerdict>().ToList();
        if (verdicts.Count == 0)
        {
            return null;
        }

        var scored = verdicts.Select(v => new ScoredPrediction(v.Confidence, v.Correct)).ToList();
        var covered = verdicts.Where(v => v.Confidence >= v.Threshold).ToList();
        var thresholds = verdicts.Select(v => v.Threshold).Distinct().ToList();
        return new ModelCalibration(
            verdicts.Count,
            Percent(verdicts.Count(v => v.Correct), verdicts.Count),
            Calibration.ExpectedCalibrationError(scored, bins),
            bins,
            thresholds.Count == 1 ? thresholds[0] : null,
            Percent(covered.Count(v => v.Correct), covered.Count),
            Percent(covered.Count, verdicts.Count));
    }

    private static LabelCounts Counts(CaseResult r) =>
        LabelCounts.Of(r.Predicted.Distinct(StringComparer.Ordinal).ToList(), r.Case.ExpectedTaxonomy.Distinct(StringComparer.Ordinal).ToList());

    private static DetectorQuality Detector(string name, IReadOnlyList<CaseResult> results)
    {
        var counts = results.Aggregate(default(LabelCounts), (sum, r) => sum + Counts(r));
        return new DetectorQuality(name, results.Count,
            Percent(results.Count(r => r.LabelsEqual), results.Count), Percent(results.Count(r => r.Passed), results.Count),
            counts.Precision * 100, counts.Recall * 100, counts.F1 * 100,
            counts.TruePositives, counts.FalsePositives, counts.FalseNegatives);
    }

    private static SplitQuality Split(IReadOnlyList<CaseResult> results) =>
        new(results.Count, Percent(results.Count(r => r.LabelsEqual), results.Count), Percent(results.Count(r => r.Passed), results.Count));

    private static double Percent(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;
}
