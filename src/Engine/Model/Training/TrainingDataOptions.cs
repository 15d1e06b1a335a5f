namespace Mapper.Engine.Model.Training;

/// <summary>How much synthetic data to generate around the rule table.</summary>
public sealed record TrainingDataOptions
{
    public int VariantsPerRule { get; init; } = 30;

    public int VariantsPerAlias { get; init; } = 8;

    /// <summary>Rule rows appear this many times per epoch: they are the ground truth the gate checks.</summary>
    public int RuleRepeats { get; init; } = 4;

    public int VariantsPerLexicon { get; init; } = 6;

    /// <summary>Generated spellings per word of negatives.json (labelled OTHER.Unknown).</summary>
    public int VariantsPerNegative { get; init; } = 3;

    public int NegationsPerDetector { get; init; } = 40;

    public int JunkRows { get; init; } = 800;

    /// <summary>Outputs of nothing but noise (<c>LABEL_3</c>, <c>v2</c>), labelled OTHER.Unknown.</summary>
    public int NoiseOnlyRows { get; init; } = 120;

    /// <summary>Share of synthetic rows held out to fit the temperature and measure calibration.</summary>
    public double CalibrationFraction { get; init; } = 0.2;

    /// <summary>
    /// Share of lexicon phrases held out whole (the phrase and every spelling generated from it) for calibration:
    /// words the model never saw, which is what real novel detector output looks like.
    /// </summary>
    public double LexiconCalibrationFraction { get; init; } = 0.1;
}
