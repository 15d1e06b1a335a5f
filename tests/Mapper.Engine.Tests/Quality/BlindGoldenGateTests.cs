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
/// The blind golden sets through the engine wired as the service wires it, in hybrid mode, judged by the production
/// gates of contract §8. The adapter is the production baseline recipe, trained once per run
/// (<see cref="TestAdapters.Baseline"/>) with every golden set in its leak guard.
/// <para>
/// <c>blind/</c> is seen now (its failures named weak spots to the fourth lexicon pass): it must pass every gate but the
/// set size. <c>blind2/</c> and <c>blind3/</c> were written after all tuning and never tuned against; the engine does not
/// meet the gates there yet, so their tests are ratchets on the numbers measured with the shipped data, and worse is a
/// regression.
/// </para>
/// </summary>
public sealed class BlindGoldenGateTests
{
    // A property of the sets, not of the engine: blind has 40 cases per detector, blind2 26 to 42, blind3 11 to 43, and
    // production asks for 100.
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

        // Measured with lexicon 5 and blind3 in the leak guard: label accuracy 82.7 %, F1 micro 84.4 %, fallback 19.7 %,
        // ECE 0.062. The same data without blind3 in the leak guard (855 fewer training rows dropped) measured 84.1 %,
        // 24.0 % and 0.024: one retrain moves ECE by that much here. Lexicon 4: 81.5 %, 17.6 %, 0.079. The contract asks
        // for F1 >= 90 % and fallback < 10 %: a known gap, printed on every run and named in the closing note.
        AssertRatchet(report, minAccuracy: 81, maxFallback: 26, maxEce: 0.10);
    }

    [Fact]
    public async Task RunAsync_ThirdBlindSetInHybridMode_HoldsTheRatchet()
    {
        var report = await RunAsync("blind3");

        // First measured (the only time) with lexicon 5: label accuracy 61.2 %, F1 micro 64.8 %, fallback 20.8 %, ECE
        // 0.247; 77.0 % of the 204 cases its writer was sure of pass, 33.9 % of the 118 it marked unsure. Its outputs are
        // longer (field names, severities and actions around the label) and it disagrees with the rule table's
        // conventions where the taxonomy has no exact label. A known gap, named in the closing note.
        AssertRatchet(report, minAccuracy: 58, maxFallback: 26, maxEce: 0.30);
    }

    private static void AssertRatchet(QualityReport report, double minAccuracy, double maxFallback, double maxEce)
    {
        Assert.All(report.Gates.Where(g => g.Name is "schema_valid_percent" or "p95_latency_cpu_ms" or "taxonomy_coverage_percent"),
            g => Assert.True(g.Status == GateStatus.Pass, $"{g.Name}: {g.Actual} vs {g.Bound} {g.Threshold}"));
        Assert.True(report.LabelAccuracyPercent >= minAccuracy, $"label accuracy {report.LabelAccuracyPercent:0.0} % < ratchet {minAccuracy} %");
        Assert.True(report.FallbackPercent <= maxFallback, $"fallback {report.FallbackPercent:0.0} % > ratchet {maxFallback} %");
        Assert.NotNull(report.Calibration);
        Assert.True(report.Calibration.ExpectedCalibrationError <= maxEce, $"ECE {report.Calibration.ExpectedCalibrationError:0.000} > ratchet {maxEce}");
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
