using Mapper.Engine;
using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Quality;

namespace Mapper.Cli.Commands;

/// <summary><c>mapper quality validate</c>: runs golden cases through the engine and judges the §8 gates.</summary>
public static class QualityValidateCommand
{
    public static CliCommand Definition { get; } = new(
        ["quality", "validate"],
        "mapper quality validate --golden-cases FILE_OR_DIR [--mode hybrid|rules_only] [--environment development|staging|production] [--format text|json] [--show-failures] [--config PATH]",
        ["--golden-cases", "--mode", "--environment", "--format", "--config"],
        ["--show-failures"],
        RunAsync);

    private static async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var golden = line.Required("--golden-cases");
        _ = EngineOptions.TryParseMode(line.Choice("--mode", "hybrid", "rules_only"), out var mode);
        _ = QualityGates.TryParseEnvironment(line.Choice("--environment", "development", "staging", "production"), out var environment);
        var json = line.Choice("--format", "text", "json") == "json";

        var loaded = CliConfiguration.Load(line.Value("--config"));
        var problems = loaded.Problems.Concat(loaded.Options.Validate()).ToList();
        if (problems.Count > 0)
        {
            await context.Err.WriteLineAsync("mapper quality validate: invalid configuration:\n  " + string.Join("\n  ", problems));
            return ExitCodes.BadInput;
        }

        try
        {
            await using var engine = await CliEngine.CreateAsync(loaded, mode == MappingMode.Hybrid);
            var files = GoldenCaseLoader.LoadAll(golden, engine.Data.Current.Data.Taxonomy);
            await engine.ActivateModelAsync(context.Err, context.CancellationToken);
            var runner = new QualityRunner(engine.Pipeline, engine.Data, engine.Model);
            var report = await runner.RunAsync(files, new QualityRunSettings(mode, environment, loaded.Options.Profile), context.CancellationToken);
            var shown = line.Has("--show-failures") ? report : report with { Failures = [] };
            await context.Out.WriteLineAsync(json ? CliJson.Serialize(shown) : QualityTextReport.Render(shown, report.Failures.Count));
            return report.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        }
        catch (GoldenCaseFormatException e)
        {
            await context.Err.WriteLineAsync($"mapper quality validate: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (MappingDataException e)
        {
            await context.Err.WriteLineAsync($"mapper quality validate: mapping data: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
