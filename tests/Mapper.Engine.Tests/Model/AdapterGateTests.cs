using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Quality;

namespace Mapper.Engine.Tests.Model;

public sealed class AdapterGateTests
{
    [Fact]
    public void Open_IntactAdapter_PassesEveryRuleRow()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1);

        var gated = new AdapterGate(BundledData.Load(), TestAdapters.Options(directory)).Open(store, TestAdapters.Id, "1.0.0");
        using var classifier = gated.Classifier;

        Assert.Equal(1.0, gated.RulePassRate);
    }

    [Fact]
    public void Open_CorruptedModelFile_RefusedForHashMismatch()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1);
        var path = Path.Combine(store.DirectoryOf(TestAdapters.Id, "1.0.0"), AdapterStore.ModelFileName);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        AssertRejected(directory, store, "1.0.0", AdapterRejection.HashMismatch);
    }

    [Fact]
    public void Open_UnknownFeaturizerId_RefusedForFeaturizerMismatch()
    {
        using var directory = new TempDirectory();
        var store = new AdapterStore(directory.Path);
        store.Write(TestAdapters.V1.Manifest with { FeaturizerId = "hash-fnv1a-v0-b16384" }, TestAdapters.V1.Model);

        AssertRejected(directory, store, "1.0.0", AdapterRejection.FeaturizerMismatch);
    }

    [Fact]
    public void Open_OtherTaxonomyHash_RefusedForTaxonomyMismatch()
    {
        using var directory = new TempDirectory();
        var store = new AdapterStore(directory.Path);
        store.Write(TestAdapters.V1.Manifest with { TaxonomyHash = "sha256:0000" }, TestAdapters.V1.Model);

        AssertRejected(directory, store, "1.0.0", AdapterRejection.TaxonomyMismatch);
    }

    [Fact]
    public void Open_UntrainedModel_RefusedForSmokeFailure()
    {
        using var directory = new TempDirectory();
        var untrained = TestAdapters.Build("0.0.1", TestAdapters.Small with { Epochs = 0, Data = TestAdapters.Small.Data with { VariantsPerRule = 0 } });
        var store = TestAdapters.StoreWith(directory, untrained);

        AssertRejected(directory, store, "0.0.1", AdapterRejection.SmokeFailed);
    }

    [Fact]
    public void Open_RegressionCaseTheModelBreaks_RefusedNamingTheCasePredictedAndExpected()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1);
        GoldenCase[] cases =
        [
            new("presidio", "US_SSN", ["PII.Identifier.SSN"]),
            new("presidio", "EMAIL_ADDRESS", ["PII.Identifier.SSN"]),
        ];

        var gate = new AdapterGate(BundledData.Load(), TestAdapters.Options(directory));
        var error = Assert.Throws<AdapterRejectedException>(() => gate.Open(store, TestAdapters.Id, "1.0.0", cases));

        Assert.Equal(AdapterRejection.SmokeFailed, error.Reason);
        Assert.Contains("regression cases pass rate 50.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("regression case presidio/EMAIL_ADDRESS → predicted PII.Contact.Email (", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected PII.Identifier.SSN", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("US_SSN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RegressionCaseAboveTheModelsConfidence_RefusedForTheMinimum()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1);
        GoldenCase[] cases = [new("presidio", "EMAIL_ADDRESS", ["PII.Contact.Email"], ExpectedConfidenceMin: 1.0)];

        var gate = new AdapterGate(BundledData.Load(), TestAdapters.Options(directory));
        var error = Assert.Throws<AdapterRejectedException>(() => gate.Open(store, TestAdapters.Id, "1.0.0", cases));

        Assert.Contains("below its minimum confidence 1.00, expected PII.Contact.Email", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RegressionCasesAllKept_PassesAndReportsTheirRate()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1);
        GoldenCase[] cases = [new("presidio", "US_SSN", ["PII.Identifier.SSN"]), new("presidio", "EMAIL_ADDRESS", ["PII.Contact.Email"])];

        var gated = new AdapterGate(BundledData.Load(), TestAdapters.Options(directory)).Open(store, TestAdapters.Id, "1.0.0", cases);
        using var classifier = gated.Classifier;

        Assert.Equal(1.0, gated.RegressionPassRate);
    }

    [Fact]
    public void Write_ExistingVersion_RefusedAndOriginalKept()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1);

        Assert.Throws<IOException>(() => store.Write(TestAdapters.V2.Manifest with { Version = "1.0.0" }, TestAdapters.V2.Model));
        Assert.Equal(TestAdapters.V1.Model, store.ReadModel(TestAdapters.Id, "1.0.0"));
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(directory.Path, TestAdapters.Id), ".tmp-*"));
    }

    private static void AssertRejected(TempDirectory directory, AdapterStore store, string version, AdapterRejection expected)
    {
        var gate = new AdapterGate(BundledData.Load(), TestAdapters.Options(directory));
        var error = Assert.Throws<AdapterRejectedException>(() => gate.Open(store, TestAdapters.Id, version));
        Assert.Equal(expected, error.Reason);
    }
}
