using Mapper.Engine.Data;

namespace Mapper.Cli.Commands;

/// <summary><c>mapper validate-config</c>: what the service would refuse at start-up, found before deploying.</summary>
public static class ValidateConfigCommand
{
    public static CliCommand Definition { get; } = new(
        ["validate-config"],
        "mapper validate-config [--config PATH]   (default ./appsettings.json, then Mapper__* environment variables)",
        ["--config"],
        [],
        RunAsync);

    private static async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var loaded = CliConfiguration.Load(line.Value("--config"));
        var options = loaded.Options;
        var problems = loaded.Problems.Concat(options.Validate()).ToList();

        MappingData? data = null;
        var dataDirectoryUsable = string.IsNullOrWhiteSpace(options.MappingDataDirectory) || Directory.Exists(options.MappingDataDirectory);
        if (dataDirectoryUsable)
        {
            try
            {
                data = MappingDataLoader.Load(options.ResolvedMappingDataDirectory);
            }
            catch (MappingDataException e)
            {
                problems.Add($"mapping data ({options.ResolvedMappingDataDirectory}): {e.Message}");
            }
        }

        if (problems.Count > 0)
        {
            await context.Out.WriteLineAsync($"INVALID: {loaded.Source}: {problems.Count} problem(s)");
            foreach (var problem in problems)
            {
                await context.Out.WriteLineAsync("  - " + problem);
            }

            return ExitCodes.Failed;
        }

        await context.Out.WriteLineAsync($"OK: {loaded.Source}");
        await context.Out.WriteLineAsync(
            $"  mode {options.Mode}, profile {options.Profile}, threshold {options.ConfidenceThreshold} " +
            $"({options.DetectorThresholds.Count} detector overrides), model time budget {options.ModelTimeBudgetMs} ms, " +
            $"batch {options.MaxBatchSize} / {options.MaxBatchWaitMs} ms, data directory {options.DataDirectory}");
        await context.Out.WriteLineAsync(
            $"  mapping data {data!.SourceDirectory}: taxonomy {data.Taxonomy.Version} ({data.Taxonomy.Count} labels), " +
            $"{data.Detectors.Count} detectors, {data.RuleCount} rules, frameworks {data.Frameworks.Version}");
        return ExitCodes.Ok;
    }
}
