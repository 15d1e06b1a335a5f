using System.Globalization;
using System.Text.Json;
using Mapper.Engine.Data;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Network;
using Mapper.Engine.Model.Training;
using Mapper.Engine.Quality;
using Mapper.Engine.Rules;
using Microsoft.ML.OnnxRuntime;

namespace Mapper.Cli.Commands;

/// <summary>
/// <c>mapper adapters evaluate</c>: one adapter folder on golden cases, model only (no rules, no threshold
/// routing). Exits 1 when the adapter would be refused: hash mismatch, unloadable, other taxonomy, or rule
/// rows below the smoke bar.
/// </summary>
public static class AdaptersEvaluateCommand
{
    public static CliCommand Definition { get; } = new(
        ["adapters", "evaluate"],
        "mapper adapters evaluate --adapter DIR --golden-cases FILE_OR_DIR [--format text|json] [--config PATH]",
        ["--adapter", "--golden-cases", "--format", "--config"],
        [],
        RunAsync);

    public sealed record EvaluationView(
        string Adapter, int Cases, double LabelAccuracyPercent, int NovelCases, double NovelAccuracyPercent,
        int RuleRows, double RuleRowAccuracyPercent, double ExpectedCalibrationError, double Threshold,
        double AccuracyAtThresholdPercent, double CoveragePercent, bool PassesSmokeBar);

    private static async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var folder = line.Required("--adapter");
        var golden = line.Required("--golden-cases");
        var json = line.Choice("--format", "text", "json") == "json";
        var setup = CliSetup.Load(line);
        var (manifest, model) = Read(folder);
        using var classifier = Open(manifest, model, setup.Data);

        var engine = new EngineData(setup.Data, DateTimeOffset.UtcNow);
        var cases = GoldenCaseLoader.LoadAll(golden, setup.Data.Taxonomy).SelectMany(f => f.Cases)
            .Select(c => c with { Detector = engine.Rules.Detectors.Resolve(c.Detector) ?? c.Detector })
            .ToList();
        var ruleKeys = setup.Data.Detectors.SelectMany(d => d.Rules).Select(r => LabelText.Compact(r.RawLabel)).ToHashSet(StringComparer.Ordinal);
        var all = Evaluation.Evaluate(classifier.Predict, cases);
        var novel = Evaluation.Evaluate(classifier.Predict, cases.Where(c => QualityRunner.IsNovel(c.InputOutput, ruleKeys)));
        var rules = Evaluation.Evaluate(classifier.Predict, Evaluation.RuleRows(setup.Data));
        var bar = setup.Loaded.Model.SmokePassBar;
        var view = new EvaluationView(manifest.Name, all.Cases, all.Accuracy * 100, novel.Cases, novel.Accuracy * 100,
            rules.Cases, rules.Accuracy * 100, all.ExpectedCalibrationError, all.Threshold, all.AccuracyAtThreshold * 100,
            all.Coverage * 100, rules.Accuracy >= bar);

        await context.Out.WriteLineAsync(json ? CliJson.Serialize(view) : Text(view));
        if (!view.PassesSmokeBar)
        {
            throw new CheckFailedException($"{manifest.Name} would be refused: rule rows {view.RuleRowAccuracyPercent:0.0} % < smoke bar {bar * 100:0.0} %");
        }

        return ExitCodes.Ok;
    }

    private static (AdapterManifest Manifest, byte[] Model) Read(string folder)
    {
        try
        {
            var manifest = AdapterStore.ReadManifest(folder)
                ?? throw new InputFileException($"'{folder}' is not an adapter folder (no {AdapterStore.ManifestFileName})");
            return (manifest, File.ReadAllBytes(Path.Combine(folder, AdapterStore.ModelFileName)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InputFileException($"'{folder}' cannot be read as an adapter: {e.Message}");
        }
    }

    private static OnnxClassifier Open(AdapterManifest manifest, byte[] model, MappingData data)
    {
        if (AdapterStore.Sha256(model) != manifest.ModelSha256)
        {
            throw new CheckFailedException($"{manifest.Name} refused: {AdapterStore.ModelFileName} does not match the manifest's sha256");
        }

        OnnxClassifier classifier;
        try
        {
            classifier = OnnxClassifier.Load(model, intraOpThreads: 1);
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidDataException)
        {
            throw new CheckFailedException($"{manifest.Name} refused: the model does not load: {e.Message}");
        }

        if (!classifier.Labels.SequenceEqual(data.Taxonomy.Labels.Select(l => l.Name), StringComparer.Ordinal))
        {
            classifier.Dispose();
            throw new CheckFailedException($"{manifest.Name} refused: its labels are not taxonomy {data.Taxonomy.Version}'s labels");
        }

        return classifier;
    }

    private static string Text(EvaluationView v) => string.Create(CultureInfo.InvariantCulture, $"""
        Adapter {v.Adapter} on {v.Cases} golden cases (model only, no rules):
          label accuracy     {v.LabelAccuracyPercent,6:0.0} %
          novel strings      {v.NovelAccuracyPercent,6:0.0} %   of {v.NovelCases} (no part is a rule row)
          every rule row     {v.RuleRowAccuracyPercent,6:0.0} %   of {v.RuleRows}
          ECE (10 bins)      {v.ExpectedCalibrationError,6:0.000}
          at threshold {v.Threshold:0.00}  {v.AccuracyAtThresholdPercent,6:0.0} %   accuracy, coverage {v.CoveragePercent:0.0} %
        """);
}
