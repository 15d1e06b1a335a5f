using Mapper.Engine.Data;
using Mapper.Engine.Model.Training;

namespace Mapper.Engine.Model;

/// <summary>Settings of the model path. The caller binds and validates them; runtime toggles live in RuntimeControls.</summary>
public sealed class ModelOptions
{
    /// <summary>The store's folder below <c>Mapper:DataDirectory</c>; the console and the CLI share it.</summary>
    public const string AdapterFolderName = "adapters";

    /// <summary>The golden sets bundled with the engine (every folder but rules/ feeds the leak guard).</summary>
    public static string BundledGoldenDirectory => Path.Combine(MappingDataLoader.BundledDirectory, "golden");

    /// <summary>Folder holding <c>&lt;id&gt;/&lt;version&gt;/</c> adapters and <c>registry.json</c>.</summary>
    public string AdapterStorePath { get; set; } = "adapters";

    /// <summary>The adapter line a fresh install bootstraps and rollbacks stay within.</summary>
    public string AdapterId { get; set; } = "mapper-baseline";

    /// <summary>Share of rule rows an adapter must predict as its own label to be activated.</summary>
    public double SmokePassBar { get; set; } = 1.0;

    /// <summary>Share of extra regression cases (if any are given) an adapter must pass.</summary>
    public double RegressionPassBar { get; set; } = 1.0;

    /// <summary>Requests that may wait for the model; beyond this a call fails fast with ModelQueueFullException.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>
    /// Predictions each adapter remembers (by a hash of detector and label), so a repeated label skips the model
    /// run; 0 turns the cache off. About 120 bytes an entry (84 measured for the key and its dictionary slot, plus the
    /// 32-byte prediction object it keeps alive), so the default holds at most about 8 MB.
    /// </summary>
    public int PredictionCacheEntries { get; set; } = 65_536;

    /// <summary>ONNX Runtime intra-op threads. One is fastest for a model this small.</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>
    /// Golden sets whose evaluation strings (every folder but rules/) the leak guard keeps out of training (see
    /// <c>EvaluationStrings.ForLeakGuard</c>). The bundled files are fixed, so the baseline stays deterministic.
    /// </summary>
    public string GoldenDirectory { get; set; } = BundledGoldenDirectory;

    /// <summary>Hyper-parameters of the bundled baseline (fixed seed: every install trains the same bytes).</summary>
    public TrainingOptions BaselineTraining { get; set; } = new();

    /// <summary>The store path used by every host: <c>&lt;dataDirectory&gt;/adapters</c>.</summary>
    public static string StorePathUnder(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), AdapterFolderName);
}
