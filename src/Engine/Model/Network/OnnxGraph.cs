namespace Mapper.Engine.Model.Network;

/// <summary>Names shared by the ONNX writer and the runtime that feeds the graph.</summary>
public static class OnnxGraph
{
    /// <summary>int64 [batch, width]: feature ids, padded with 0.</summary>
    public const string InputIds = "feature_ids";

    /// <summary>float [batch, width, 1]: 1/count for a real id, 0 for padding, so Gather → Mul → ReduceSum is the mean.</summary>
    public const string InputWeights = "feature_weights";

    /// <summary>float [batch, labels]: probabilities in taxonomy order.</summary>
    public const string OutputProbabilities = "probabilities";

    public const string MetaLabels = "mapper.labels";
    public const string MetaFeaturizer = "mapper.featurizer";
    public const string MetaTemperature = "mapper.temperature";
    public const string MetaAdapter = "mapper.adapter";
    public const string MetaTaxonomyHash = "mapper.taxonomy_hash";
    public const string MetaTrainingDataHash = "mapper.training_data_hash";

    /// <summary>The only operators the graph uses: all core, all supported by every ONNX Runtime build.</summary>
    public static readonly IReadOnlyList<string> Operators = ["Gather", "Mul", "ReduceSum", "MatMul", "Add", "Softmax"];
}
