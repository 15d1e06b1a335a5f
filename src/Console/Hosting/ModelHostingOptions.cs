using Mapper.Engine.Model;

namespace Mapper.Console.Hosting;

/// <summary>
/// The <c>Model</c> section: whether this process runs the in-process model and where its adapters live.
/// With <c>Enabled</c> false, hybrid mode answers from the rules with reason <c>no_model</c>.
/// </summary>
public sealed class ModelHostingOptions
{
    public const string Section = "Model";

    public bool Enabled { get; set; } = true;

    /// <summary>Adapter store; empty means <c>&lt;Mapper:DataDirectory&gt;/adapters</c>, a relative path is under the data directory.</summary>
    public string AdapterStorePath { get; set; } = "";

    public string AdapterId { get; set; } = "mapper-baseline";

    public double SmokePassBar { get; set; } = 1.0;

    public int QueueCapacity { get; set; } = 1024;

    public int IntraOpThreads { get; set; } = 1;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(AdapterId) || AdapterId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            problems.Add($"{Section}:AdapterId must be letters, digits, '-', '_' or '.', not '{AdapterId}'");
        }

        if (SmokePassBar is < 0 or > 1 || double.IsNaN(SmokePassBar))
        {
            problems.Add($"{Section}:SmokePassBar must be within [0, 1], not {SmokePassBar}");
        }

        if (QueueCapacity is < 1 or > 1_000_000)
        {
            problems.Add($"{Section}:QueueCapacity must be within [1, 1000000], not {QueueCapacity}");
        }

        if (IntraOpThreads is < 1 or > 64)
        {
            problems.Add($"{Section}:IntraOpThreads must be within [1, 64], not {IntraOpThreads}");
        }

        return problems;
    }

    public ModelOptions ToModelOptions(string dataDirectory) => new()
    {
        AdapterStorePath = Path.GetFullPath(
            string.IsNullOrWhiteSpace(AdapterStorePath) ? "adapters" : AdapterStorePath, dataDirectory),
        AdapterId = AdapterId,
        SmokePassBar = SmokePassBar,
        QueueCapacity = QueueCapacity,
        IntraOpThreads = IntraOpThreads,
    };
}
