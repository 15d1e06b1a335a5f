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

/// <summary>The rows to train on, the held-out calibration slice and what the leak guard removed.</summary>
public sealed record TrainingSet(
    IReadOnlyList<TrainingExample> Train,
    IReadOnlyList<TrainingExample> Calibration,
    int DroppedByLeakGuard,
    string DataHash);
