using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Training;

namespace Mapper.Engine.Model;

/// <summary>
/// The <c>Model</c> configuration section, read the same way by the console and the CLI: whether the
/// process runs the in-process model and where its adapters live. With <c>Enabled</c> false, hybrid mode
/// answers from the rules with reason <c>no_model</c>.
/// </summary>
public sealed class ModelSettings
{
    public const string Section = "Model";

    public bool Enabled { get; set; } = true;

    /// <summary>Adapter store; empty means <c>&lt;Mapper:DataDirectory&gt;/adapters</c>, a relative path is under the data directory.</summary>
    public string AdapterStorePath { get; set; } = "";

    public string AdapterId { get; set; } = "mapper-baseline";

    public double SmokePassBar { get; set; } = 1.0;

    public int QueueCapacity { get; set; } = 1024;

    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Predictions each adapter remembers so a repeated label skips the model run; 0 turns it off.</summary>
    public int PredictionCacheEntries { get; set; } = 65_536;

    /// <summary>Hyper-parameters of the baseline trained when the store is empty (tests shrink them).</summary>
    public TrainingOptions BaselineTraining { get; set; } = new();

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!AdapterVersion.IsValidId(AdapterId))
        {
            problems.Add($"{Section}:AdapterId must be lower-case letters, digits and '-', not '{AdapterId}'");
        }

        if (SmokePassBar is < 0 or > 1 || double.IsNaN(SmokePassBar))
        {
            problems.Add($"{Section}:SmokePassBar must be within [0, 1], not {SmokePassBar}");
        }

        if (QueueCapacity is < 1 or > 1_000_000)
        {
            problems.Add($"{Section}:QueueCapacity must be within [1, 1000000], not {QueueCapacity}");
        }

        if (PredictionCacheEntries is < 0 or > 10_000_000)
        {
            problems.Add($"{Section}:PredictionCacheEntries must be within [0, 10000000], not {PredictionCacheEntries}");
        }

        if (IntraOpThreads is < 1 or > 64)
        {
            problems.Add($"{Section}:IntraOpThreads must be within [1, 64], not {IntraOpThreads}");
        }

        return problems;
    }

    public ModelOptions ToModelOptions(string dataDirectory) => new()
    {
        AdapterStorePath = string.IsNullOrWhiteSpace(AdapterStorePath)
            ? ModelOptions.StorePathUnder(dataDirectory)
            : Path.GetFullPath(AdapterStorePath, Path.GetFullPath(dataDirectory)),
        AdapterId = AdapterId,
        SmokePassBar = SmokePassBar,
        QueueCapacity = QueueCapacity,
        IntraOpThreads = IntraOpThreads,
        PredictionCacheEntries = PredictionCacheEntries,
        BaselineTraining = BaselineTraining,
    };
}
