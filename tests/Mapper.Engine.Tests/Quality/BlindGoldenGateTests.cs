using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Quality;
using Mapper.Engine.Tests.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Engine.Tests.Quality;

/// <summary>
/// The two blind golden sets through the engine wired as the service wires it, in hybrid mode, judged by the production
/// gates of contract §8. The adapter is the production baseline recipe, trained once per run
/// (<see cref="TestAdapters.Baseline"/>) with every golden set in its leak guard.
/// <para>
/// <c>blind/</c> is seen now (its failures named weak spots to the fourth lexicon pass): it must pass every gate but the
/// set size. <c>blind2/</c> was written after all tuning and never tuned against; the engine does not meet the gates
/// there yet, so its test is a ratchet on the numbers first measured with the shipped lexicon, and worse is a regression.
/// </para>
/// </summary>
public sealed class BlindGoldenGateTests
{
    // A property of the sets, not of the engine: blind has 40 cases per detector, blind2 26 to 42, and production asks for 100.
    private const string SetSizeGate = "golden_cases_per_detector";

    [Fact]
    public async Task RunAsync_SeenBlindSetInHybridMode_PassesTheProductionGates()
    {
        var report = await RunAsync("blind");

        Assert.All(report.Gates.Where(g => g.Name is not SetSizeGate),
            g => Assert.True(g.Status == GateStatus.Pass, $"{g.Name}: {g.Actual} vs {g.Bound} {g.Threshold}"));
        Assert.NotNull(report.Calibration);
        Assert.True(report.Calibration.ExpectedCalibrationError <= 0.05, $"ECE {report.Calibration.ExpectedCalibrationError:0.000}");
    }

    [Fact]
    public async Task RunAsync_SecondBlindSetInHybridMode_HoldsTheRatchet()
    {
        var report = await RunAsync("blind2");

        // Measured with lexicon 5 and safe phrases that keep every word in training: label accuracy 84.1 %, F1 micro
        // 85.7 %, fallback 24.0 %, ECE 0.024 (lexicon 4: 81.5 %, 17.6 %, 0.079; lexicon 3: 78.6 %, 25.7 %, 0.063). The
        // fallback rose because confidence became honest: lexicon 4 answered more, and more of it confidently wrong. The
        // contract asks for F1 >= 90 % and fallback < 10 %: a known gap, printed on every run and named in the closing
        // note. The ratchets leave room for a retrain's spread; ECE holds the goal of 0.05.
        Assert.All(report.Gates.Where(g => g.Name is "schema_valid_percent" or "p95_latency_cpu_ms" or "taxonomy_coverage_percent"),
            g => Assert.True(g.Status == GateStatus.Pass, $"{g.Name}: {g.Actual} vs {g.Bound} {g.Threshold}"));
        Assert.True(report.LabelAccuracyPercent >= 82, $"label accuracy {report.LabelAccuracyPercent:0.0} % < ratchet 82 %");
        Assert.True(report.FallbackPercent <= 26, $"fallback {report.FallbackPercent:0.0} % > ratchet 26 %");
        Assert.NotNull(report.Calibration);
        Assert.True(report.Calibration.ExpectedCalibrationError <= 0.05, $"ECE {report.Calibration.ExpectedCalibrationError:0.000} > goal 0.05");
    }

    private static async Task<QualityReport> RunAsync(string set)
    {
        using var directory = new TempDirectory();
        var baseline = TestAdapters.Baseline;
        new AdapterStore(directory.Path).Write(baseline.Manifest, baseline.Model);
        var services = new ServiceCollection();
        // The largest time budget: this run judges quality; latency belongs to the benchmark.
        services.AddMappingEngine(new EngineOptions { ModelTimeBudgetMs = 5000 });
        services.AddSingleton(sp => sp.GetRequiredService<EngineDataProvider>().Current.Data);
        services.AddModelServices(new ModelOptions { AdapterStorePath = directory.Path, AdapterId = baseline.Manifest.Id });
        await using var provider = services.BuildServiceProvider();
        Assert.Equal(BootstrapOutcome.ActivatedStored, await provider.GetRequiredService<AdapterBootstrapper>().EnsureActiveAsync(TestContext.Current.CancellationToken));
        var data = provider.GetRequiredService<EngineDataProvider>();
        var files = GoldenCaseLoader.LoadAll(Path.Combine(ModelOptions.BundledGoldenDirectory, set), data.Current.Data.Taxonomy);
        var runner = new QualityRunner(provider.GetRequiredService<MappingPipeline>(), data, provider.GetRequiredService<IModelScorer>());

        var report = await runner.RunAsync(files, new QualityRunSettings(MappingMode.Hybrid, QualityEnvironment.Production, "cpu"), TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"{set}: " + string.Join("; ", report.Gates.Select(g => $"{g.Name} {g.Actual:0.###} {g.Status}")) +
            $"; accuracy {report.LabelAccuracyPercent:0.0} %, ECE {report.Calibration?.ExpectedCalibrationError:0.000}");
        Assert.Equal(baseline.Manifest.Name, provider.GetRequiredService<IModelScorer>().ActiveModel);
        var setSize = Assert.Single(report.Gates, g => g.Name == SetSizeGate);
        Assert.True(setSize.Actual < 100, $"{set} grew to 100 cases per detector: judge the set-size gate too");
        return report;
    }
}
