using Mapper.Engine.Model;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Training;
using Mapper.Engine.Quality;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Engine.Tests.Model;

/// <summary>Small adapters trained once per test run with the real training code (small so Debug tests stay fast).</summary>
public static class TestAdapters
{
    public const string Id = "test-adapter";

    public static readonly TrainingOptions Small = new()
    {
        Buckets = 1 << 14,
        Dim = 16,
        Epochs = 6,
        Seed = 7,
        Data = new TrainingDataOptions { VariantsPerRule = 4, VariantsPerAlias = 1, NegationsPerDetector = 8, JunkRows = 100 },
    };

    private static readonly Lazy<BuiltAdapter> First = new(() => Build("1.0.0", Small));
    private static readonly Lazy<BuiltAdapter> Second = new(() => Build("1.1.0", Small with { Seed = 8 }));
    private static readonly Lazy<BuiltAdapter> Production = new(() => AdapterBuilder.Build(
        BundledData.Load(), new TrainingOptions(), "mapper-baseline", "1.0.0", null, new FakeTimeProvider(),
        EvaluationStrings.ForLeakGuard(BundledData.Load(), ModelOptions.BundledGoldenDirectory)));

    public static BuiltAdapter V1 => First.Value;

    public static BuiltAdapter V2 => Second.Value;

    /// <summary>
    /// The bundled baseline exactly as a fresh install trains it (default options, baseline seed, every bundled golden
    /// set in the leak guard), trained once per test run.
    /// </summary>
    public static BuiltAdapter Baseline => Production.Value;

    public static BuiltAdapter Build(string version, TrainingOptions options) =>
        AdapterBuilder.Build(BundledData.Load(), options, Id, version, null, new FakeTimeProvider(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero)));

    /// <summary>A store in a fresh temp folder holding copies of the given adapters.</summary>
    public static AdapterStore StoreWith(TempDirectory directory, params BuiltAdapter[] adapters)
    {
        var store = new AdapterStore(directory.Path);
        foreach (var adapter in adapters)
        {
            store.Write(adapter.Manifest, adapter.Model);
        }

        return store;
    }

    public static ModelOptions Options(TempDirectory directory) => new() { AdapterStorePath = directory.Path, AdapterId = Id, BaselineTraining = Small };
}

/// <summary>A temp folder deleted when the test ends.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mapper-model-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
