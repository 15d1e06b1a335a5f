using Mapper.Console.Adapters;
using Mapper.Engine.Data;
using Mapper.Engine.Model.Adapters;

namespace Mapper.Console.Tests.Adapters;

public sealed class AdapterDiffTests
{
    private static readonly Engine.Taxonomy.CanonicalTaxonomy Taxonomy = MappingDataLoader.Load(MappingDataLoader.BundledDirectory).Taxonomy;

    private static readonly AdapterManifest Live = new()
    {
        Id = "mapper-baseline", Version = "1.0.0", Created = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), FeaturizerId = "hash-fnv1a-v2-b16384",
        TaxonomyVersion = Taxonomy.Version, TaxonomyHash = Taxonomy.Hash, TrainingDataHash = "sha256:aaaa", TrainingRows = 7000, DroppedByLeakGuard = 2000,
        ModelSizeBytes = 1_000_000, ModelSha256 = "sha256:1111", HyperParameters = new(16384, 16, 6, 64, 0.05f), Temperature = 1.2f,
        Metrics = new AdapterMetrics(500, 0.80, 0.050, 0.6, 0.90, 0.70, 1.0, 3),
    };

    [Fact]
    public void Between_BetterAndWorseMetrics_SignedDeltasAndWhichWayIsBetter()
    {
        var other = Live with
        {
            Version = "1.0.1", ParentVersion = "1.0.0", TrainingDataHash = "sha256:bbbb", TrainingRows = 7200, ModelSizeBytes = 1_000_000,
            Metrics = Live.Metrics with { CalibrationAccuracy = 0.825, ExpectedCalibrationError = 0.062 },
        };

        var diff = AdapterDiff.Between(Live, other, Taxonomy);

        var accuracy = diff.Metrics.Single(r => r.What == "Calibration accuracy");
        Assert.Equal(("80.0 %", "82.5 %", "+2.5 pp", true, true), (accuracy.Live, accuracy.Other, accuracy.Delta, accuracy.Differs, accuracy.Better));
        var ece = diff.Metrics.Single(r => r.What == "ECE");
        Assert.Equal(("+0.012", false), (ece.Delta, ece.Better));
        var rows = diff.Metrics.Single(r => r.What == "Training rows");
        Assert.Equal(("+200", null), (rows.Delta, rows.Better));
        Assert.False(diff.Metrics.Single(r => r.What == "Size (bytes)").Differs);
        Assert.True(diff.Identity.Single(r => r.What == "Data hash").Differs);
        Assert.False(diff.Identity.Single(r => r.What == "Featurizer").Differs);
        Assert.Equal($"the 50 labels of taxonomy {Taxonomy.Version}", diff.Identity.Single(r => r.What == "Labels").Other);
    }

    [Fact]
    public void Between_OtherTaxonomy_LabelsRowSaysTheGateRefusesIt()
    {
        var other = Live with { Version = "0.9.0", TaxonomyVersion = "2024.01", TaxonomyHash = "sha256:0000" };

        var labels = AdapterDiff.Between(Live, other, Taxonomy).Identity.Single(r => r.What == "Labels");

        Assert.True(labels.Differs);
        Assert.Contains("taxonomy 2024.01, not this engine's", labels.Other, StringComparison.Ordinal);
        Assert.Contains("the gate refuses it", labels.Other, StringComparison.Ordinal);
    }
}
