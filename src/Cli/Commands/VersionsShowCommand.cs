using Mapper.Engine.Data;
using Mapper.Engine.Model.Serving;
using Mapper.Engine.Versions;

namespace Mapper.Cli.Commands;

/// <summary><c>mapper versions show</c>: the versions a response's version_info would carry, and what serves.</summary>
public static class VersionsShowCommand
{
    public static CliCommand Definition { get; } = new(
        ["versions", "show"],
        "mapper versions show [--format text|json] [--config PATH]",
        ["--format", "--config"],
        [],
        RunAsync);

    private static async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var json = line.Choice("--format", "text", "json") == "json";
        var loaded = CliConfiguration.Load(line.Value("--config"));
        var problems = loaded.Problems.Concat(loaded.Options.Validate()).ToList();
        if (problems.Count > 0)
        {
            await context.Err.WriteLineAsync("mapper versions show: invalid configuration:\n  " + string.Join("\n  ", problems));
            return ExitCodes.BadInput;
        }

        try
        {
            // Reading versions must not train or load a model: the model is what the console's registry export records as serving.
            await using var engine = await CliEngine.CreateAsync(loaded, withModel: false);
            var serving = RegistryExport.Read(loaded.Model.AdapterStorePath).Serving;
            var current = engine.Data.Current;
            var versions = new VersionsView(
                current.Versions.Taxonomy,
                current.Versions.TaxonomyHash,
                current.Versions.Frameworks,
                serving?.Adapter ?? VersionSnapshot.RulesModel,
                current.Versions.RuleCount,
                current.Data.Detectors.Select(d => new DetectorVersionView(d.Detector, d.Version, d.Vendor, d.Rules.Count)).ToList(),
                current.Versions.LoadedAt);
            await context.Out.WriteLineAsync(json ? CliJson.Serialize(versions) : Text(versions));
            return 0;
        }
        catch (MappingDataException e)
        {
            await context.Err.WriteLineAsync($"mapper versions show: mapping data: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static string Text(VersionsView v) =>
        $"taxonomy    {v.Taxonomy} ({v.TaxonomyHash})\nframeworks  {v.Frameworks}\nmodel       {v.Model}\nrules       {v.RuleCount}\ndetectors:\n" +
        string.Join('\n', v.Detectors.Select(d => $"  {d.Detector,-28} {d.Version,-4} {d.Rules,3} rules  ({d.Vendor})"));

    public sealed record VersionsView(
        string Taxonomy, string TaxonomyHash, string Frameworks, string Model, int RuleCount,
        IReadOnlyList<DetectorVersionView> Detectors, DateTimeOffset LoadedAt);

    public sealed record DetectorVersionView(string Detector, string Version, string Vendor, int Rules);
}
