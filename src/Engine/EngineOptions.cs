using System.Collections.Immutable;
using Mapper.Engine.Controls;

namespace Mapper.Engine;

/// <summary>
/// The <c>Mapper</c> configuration section. These are defaults and locations: the controls an
/// operator changes at run time start from here and then live in <see cref="RuntimeControlsStore"/>.
/// </summary>
public sealed class EngineOptions
{
    public const string Section = "Mapper";

    /// <summary>Everything the process writes (SQLite file, adapter store). Also settable as <c>MAPPER_DATA_DIR</c>.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>Folder of the mapping data (taxonomy, detectors, frameworks, schema); empty means the bundled copy.</summary>
    public string MappingDataDirectory { get; set; } = "";

    /// <summary><c>cpu</c> or <c>gpu</c>: picks the latency SLO.</summary>
    public string Profile { get; set; } = "cpu";

    /// <summary><c>hybrid</c> or <c>rules_only</c>, until an operator changes it.</summary>
    public string Mode { get; set; } = "hybrid";

    public double ConfidenceThreshold { get; set; } = 0.6;

    public Dictionary<string, double> DetectorThresholds { get; set; } = [];

    public int ModelTimeBudgetMs { get; set; } = 500;

    public int MaxBatchSize { get; set; } = 64;

    /// <summary>
    /// Optional linger for a batch formed from a backlog (see <see cref="Model.Serving.MicroBatcher"/>); 0 never
    /// lingers. Batches form by themselves from what arrives during a run, so any wait here is paid in latency.
    /// </summary>
    public double MaxBatchWaitMs { get; set; }

    public string ResolvedMappingDataDirectory =>
        string.IsNullOrWhiteSpace(MappingDataDirectory) ? Data.MappingDataLoader.BundledDirectory : MappingDataDirectory;

    public static bool TryParseMode(string value, out MappingMode mode)
    {
        (var ok, mode) = value.Trim().ToLowerInvariant() switch
        {
            "hybrid" => (true, MappingMode.Hybrid),
            "rules_only" => (true, MappingMode.RulesOnly),
            _ => (false, MappingMode.Hybrid),
        };
        return ok;
    }

    public static string ModeName(MappingMode mode) => mode == MappingMode.RulesOnly ? "rules_only" : "hybrid";

    public RuntimeControls ToInitialControls()
    {
        _ = TryParseMode(Mode, out var mode);
        return new RuntimeControls
        {
            Mode = mode,
            GlobalThreshold = ConfidenceThreshold,
            DetectorThresholds = DetectorThresholds.ToImmutableDictionary(StringComparer.Ordinal),
            ModelTimeBudget = TimeSpan.FromMilliseconds(ModelTimeBudgetMs),
            MaxBatchSize = MaxBatchSize,
            MaxBatchWait = TimeSpan.FromMilliseconds(MaxBatchWaitMs),
        };
    }

    /// <summary>Every problem at once, each naming the setting to fix.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            problems.Add($"{Section}:DataDirectory must not be empty");
        }

        if (!string.IsNullOrWhiteSpace(MappingDataDirectory) && !Directory.Exists(MappingDataDirectory))
        {
            problems.Add($"{Section}:MappingDataDirectory '{MappingDataDirectory}' does not exist");
        }

        if (Profile is not ("cpu" or "gpu"))
        {
            problems.Add($"{Section}:Profile must be 'cpu' or 'gpu', not '{Profile}'");
        }

        if (!TryParseMode(Mode, out _))
        {
            problems.Add($"{Section}:Mode must be 'hybrid' or 'rules_only', not '{Mode}'");
        }

        if (ConfidenceThreshold is < 0 or > 1 || double.IsNaN(ConfidenceThreshold))
        {
            problems.Add($"{Section}:ConfidenceThreshold must be within [0, 1], not {ConfidenceThreshold}");
        }

        foreach (var (detector, threshold) in DetectorThresholds.Where(p => p.Value is < 0 or > 1 || double.IsNaN(p.Value)))
        {
            problems.Add($"{Section}:DetectorThresholds:{detector} must be within [0, 1], not {threshold}");
        }

        if (ModelTimeBudgetMs is < 100 or > 5000)
        {
            problems.Add($"{Section}:ModelTimeBudgetMs must be within [100, 5000], not {ModelTimeBudgetMs}");
        }

        if (MaxBatchSize is < 1 or > RuntimeControlsValidator.MaxBatchSizeLimit)
        {
            problems.Add($"{Section}:MaxBatchSize must be within [1, {RuntimeControlsValidator.MaxBatchSizeLimit}], not {MaxBatchSize}");
        }

        if (MaxBatchWaitMs is < 0 or > 100 || double.IsNaN(MaxBatchWaitMs))
        {
            problems.Add($"{Section}:MaxBatchWaitMs must be within [0, 100], not {MaxBatchWaitMs}");
        }

        return problems;
    }
}
