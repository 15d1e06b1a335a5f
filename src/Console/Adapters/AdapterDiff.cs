using System.Globalization;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Taxonomy;

namespace Mapper.Console.Adapters;

/// <summary>One compared property: both values, the change from live to the other, and whether the other is better (null: neither).</summary>
public sealed record DiffRow(string What, string Live, string Other, string? Delta, bool Differs, bool? Better = null);

/// <summary>The live adapter against another one: metrics side by side with deltas, then what it was built from.</summary>
public sealed record AdapterDiff(string LiveName, string OtherName, IReadOnlyList<DiffRow> Metrics, IReadOnlyList<DiffRow> Identity)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static AdapterDiff Between(AdapterManifest live, AdapterManifest other, CanonicalTaxonomy taxonomy)
    {
        var (l, o) = (live.Metrics, other.Metrics);
        DiffRow[] metrics =
        [
            Percent("Calibration accuracy", l.CalibrationAccuracy, o.CalibrationAccuracy, higherIsBetter: true),
            Number("ECE", l.ExpectedCalibrationError, o.ExpectedCalibrationError, "0.000", higherIsBetter: false),
            Percent("Accuracy at threshold", l.AccuracyAtThreshold, o.AccuracyAtThreshold, higherIsBetter: true),
            Number("Threshold measured at", l.Threshold, o.Threshold, "0.00", higherIsBetter: null),
            Percent("Coverage", l.Coverage, o.Coverage, higherIsBetter: true),
            Percent("Rule-row accuracy", l.RuleRowAccuracy, o.RuleRowAccuracy, higherIsBetter: true),
            Number("Calibration cases", l.CalibrationCases, o.CalibrationCases, "N0", higherIsBetter: null),
            Number("Training rows", live.TrainingRows, other.TrainingRows, "N0", higherIsBetter: null),
            Number("Dropped by leak guard", live.DroppedByLeakGuard, other.DroppedByLeakGuard, "N0", higherIsBetter: null),
            Number("Temperature", live.Temperature, other.Temperature, "0.000", higherIsBetter: null),
            Number("Size (bytes)", live.ModelSizeBytes, other.ModelSizeBytes, "N0", higherIsBetter: null),
        ];
        DiffRow[] identity =
        [
            Text("Data hash", live.TrainingDataHash, other.TrainingDataHash),
            Text("Featurizer", live.FeaturizerId, other.FeaturizerId),
            Text("Taxonomy", $"{live.TaxonomyVersion} ({live.TaxonomyHash})", $"{other.TaxonomyVersion} ({other.TaxonomyHash})"),
            Text("Labels", Labels(live, taxonomy), Labels(other, taxonomy)),
            Text("Parent", live.ParentVersion ?? "none", other.ParentVersion ?? "none"),
            Text("Created", live.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant), other.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant)),
            Text("Hyper-parameters", Hyper(live), Hyper(other)),
            Text("Model sha256", live.ModelSha256, other.ModelSha256),
        ];
        return new AdapterDiff(live.Name, other.Name, metrics, identity);
    }

    /// <summary>
    /// The gate makes a model's labels equal the taxonomy's, in order; so one trained on this engine's taxonomy has
    /// exactly its labels, and one trained on another taxonomy has another label set that the gate refuses here.
    /// </summary>
    private static string Labels(AdapterManifest m, CanonicalTaxonomy taxonomy) => m.TaxonomyHash == taxonomy.Hash
        ? $"the {taxonomy.Count} labels of taxonomy {taxonomy.Version}"
        : $"the labels of taxonomy {m.TaxonomyVersion}, not this engine's {taxonomy.Version} (the gate refuses it)";

    private static string Hyper(AdapterManifest m)
    {
        var h = m.HyperParameters;
        return string.Create(Invariant, $"{h.Buckets} buckets, dim {h.Dim}, {h.Epochs} epochs, batch {h.BatchSize}, lr {h.LearningRate}, seed {m.Seed}");
    }

    private static DiffRow Text(string what, string live, string other) => new(what, live, other, null, !string.Equals(live, other, StringComparison.Ordinal));

    private static DiffRow Percent(string what, double live, double other, bool higherIsBetter)
    {
        var delta = (other - live) * 100;
        return new DiffRow(what, live.ToString("P1", Invariant), other.ToString("P1", Invariant), Signed(delta, "0.0") + " pp", Math.Abs(delta) >= 0.05, Better(delta, higherIsBetter, 0.05));
    }

    private static DiffRow Number(string what, double live, double other, string format, bool? higherIsBetter)
    {
        var delta = other - live;
        var shown = Signed(delta, format);
        return new DiffRow(what, live.ToString(format, Invariant), other.ToString(format, Invariant), shown, other.ToString(format, Invariant) != live.ToString(format, Invariant), Better(delta, higherIsBetter, 1e-9));
    }

    private static bool? Better(double delta, bool? higherIsBetter, double epsilon) =>
        higherIsBetter is not { } higher || Math.Abs(delta) < epsilon ? null : higher == delta > 0;

    private static string Signed(double value, string format) => (value > 0 ? "+" : "") + value.ToString(format, Invariant);
}
