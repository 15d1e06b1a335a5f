namespace Mapper.Engine.Model.Training;

/// <summary>Where a training row came from; rule rows outrank everything generated.</summary>
public enum ExampleSource
{
    Rule,
    Alias,
    Lexicon,
    Description,
    Variant,
    Negation,
    Junk,
}

/// <summary>One (detector, raw label) → canonical label row.</summary>
public sealed record TrainingExample(string Detector, string RawLabel, string Label, ExampleSource Source);

/// <summary>Which half of the held-out calibration slice a row belongs to.</summary>
public enum CalibrationHalf
{
    /// <summary>Fits the temperature.</summary>
    Fit,

    /// <summary>Measures calibration after the fit (the numbers in the manifest): never seen by training or the fit.</summary>
    Measure,
}

/// <summary>
/// The rows to train on, the held-out calibration slice in two disjoint halves (the temperature is fitted on
/// one and judged on the other, so the reported ECE is not the fit's own objective) and what the leak guard removed.
/// </summary>
public sealed record TrainingSet(
    IReadOnlyList<TrainingExample> Train,
    IReadOnlyList<TrainingExample> CalibrationFit,
    IReadOnlyList<TrainingExample> CalibrationMeasure,
    int DroppedByLeakGuard,
    string DataHash)
{
    /// <summary>Both halves: every row held out of training.</summary>
    public IReadOnlyList<TrainingExample> Calibration => [.. CalibrationFit, .. CalibrationMeasure];
}
