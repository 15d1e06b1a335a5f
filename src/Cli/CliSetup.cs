using Mapper.Engine.Data;

namespace Mapper.Cli;

/// <summary>Configuration and mapping data as a verb needs them, loaded once.</summary>
public sealed record CliSetup(LoadedOptions Loaded, MappingData Data)
{
    /// <summary>Loads both; invalid configuration is bad input (exit 2) with every problem named.</summary>
    public static CliSetup Load(CommandLine line)
    {
        var loaded = CliConfiguration.Load(line.Value("--config"));
        var problems = loaded.Problems.Concat(loaded.Options.Validate()).ToList();
        if (problems.Count > 0)
        {
            throw new InputFileException("invalid configuration:\n  " + string.Join("\n  ", problems));
        }

        return new CliSetup(loaded, MappingDataLoader.Load(loaded.Options.ResolvedMappingDataDirectory));
    }
}
