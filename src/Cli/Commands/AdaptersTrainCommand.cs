using System.Globalization;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Quality;

namespace Mapper.Cli.Commands;

/// <summary><c>mapper adapters train</c>: a new adapter version from the bundled data, leak-guarded against the golden sets.</summary>
public static class AdaptersTrainCommand
{
    public static CliCommand Definition { get; } = new(
        ["adapters", "train"],
        "mapper adapters train [--out DIR] [--seed N] [--epochs N] [--id ID] [--version X.Y.Z] [--config PATH]   (offline; activate it with `mapper adapters activate`)",
        ["--out", "--seed", "--epochs", "--id", "--version", "--config"],
        [],
        RunAsync);

    private static async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var output = line.Value("--out");

        // Every flag is checked before anything is loaded or created.
        var seed = line.ULong("--seed");
        var epochs = line.Int("--epochs", 1, 1000);
        var explicitVersion = line.Value("--version");
        if (explicitVersion is not null && !AdapterVersion.IsValid(explicitVersion))
        {
            throw new UsageException($"--version must be MAJOR.MINOR.PATCH, not '{explicitVersion}'");
        }

        var explicitId = line.Value("--id");
        if (explicitId is not null && !AdapterVersion.IsValidId(explicitId))
        {
            throw new UsageException($"--id must be lower-case letters, digits and '-', not '{explicitId}'");
        }

        var setup = CliSetup.Load(line);
        var model = setup.Loaded.Model;
        var training = model.BaselineTraining with
        {
            Seed = seed ?? model.BaselineTraining.Seed,
            Epochs = epochs ?? model.BaselineTraining.Epochs,
        };
        var id = explicitId ?? model.AdapterId;
        // A new version folder is immutable and nobody serves it until the console activates it, so training needs no console.
        var store = new AdapterStore(output ?? model.AdapterStorePath);
        var latest = store.Latest(id);
        var version = explicitVersion ?? (latest is null ? "1.0.0" : AdapterVersion.NextPatch(latest.Version));
        if (store.Find(id, version) is not null)
        {
            throw new InputFileException($"{id}@{version} already exists in {store.Root}; adapters are immutable, choose another --version");
        }

        var evaluation = EvaluationStrings.ForLeakGuard(setup.Data, model.GoldenDirectory);
        var built = AdapterBuilder.Build(setup.Data, training, id, version, latest?.Version, TimeProvider.System, evaluation);
        var stored = store.Write(built.Manifest, built.Model);
        await context.Out.WriteLineAsync(Summary(stored, store.DirectoryOf(id, version), evaluation.Count));
        return ExitCodes.Ok;
    }

    private static string Summary(AdapterManifest m, string folder, int evaluationStrings)
    {
        var metrics = m.Metrics;
        var hp = m.HyperParameters;
        return string.Create(CultureInfo.InvariantCulture, $"""
            trained {m.Name} (parent {m.ParentVersion ?? "-"}) in {metrics.TrainingSeconds:0.00} s
              folder         {folder}
              model.onnx     {m.ModelSizeBytes} bytes ({m.ModelSizeBytes / 1048576.0:0.0} MiB), {m.ModelSha256}
              training rows  {m.TrainingRows}, dropped by the leak guard {m.DroppedByLeakGuard} ({evaluationStrings} evaluation strings)
              training       seed {m.Seed}, epochs {hp.Epochs}, buckets {hp.Buckets}, dim {hp.Dim}, batch {hp.BatchSize}, lr {hp.LearningRate}, temperature {m.Temperature:0.00}
              calibration    {metrics.CalibrationCases} rows of {metrics.CalibrationSlice ?? "the calibration slice"} (unseen lexicon phrases and synthetic variants; temperature fitted on {metrics.TemperatureFitCases} other rows, {metrics.TemperatureFitSlice ?? "the same slice"}): accuracy {metrics.CalibrationAccuracy:P1}, ECE {metrics.ExpectedCalibrationError:0.000}, accuracy at {metrics.Threshold:0.00} {metrics.AccuracyAtThreshold:P1} (coverage {metrics.Coverage:P1})
              rule rows      {metrics.RuleRowAccuracy:P1} predict their own label
            """);
    }
}
