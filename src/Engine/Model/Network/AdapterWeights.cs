namespace Mapper.Engine.Model.Network;

/// <summary>
/// The parameters of the classifier: embedding table E[buckets × dim] (mean-pooled over an item's
/// feature ids), linear layer W[dim × labels] + b, and the softmax temperature. Row-major float arrays,
/// exactly as they are written into the ONNX file.
/// </summary>
public sealed class AdapterWeights
{
    public AdapterWeights(int buckets, int dim, IReadOnlyList<string> labels, float[] embedding, float[] weight, float[] bias, float temperature)
    {
        if (embedding.Length != buckets * dim || weight.Length != dim * labels.Count || bias.Length != labels.Count)
        {
            throw new ArgumentException("Weight shapes do not match buckets, dim and label count.");
        }

        if (!(temperature > 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Temperature must be positive.");
        }

        Buckets = buckets;
        Dim = dim;
        Labels = labels;
        Embedding = embedding;
        Weight = weight;
        Bias = bias;
        Temperature = temperature;
    }

    public int Buckets { get; }

    public int Dim { get; }

    public IReadOnlyList<string> Labels { get; }

    public float[] Embedding { get; }

    public float[] Weight { get; }

    public float[] Bias { get; }

    public float Temperature { get; }

    public AdapterWeights WithTemperature(float temperature) =>
        new(Buckets, Dim, Labels, Embedding, Weight, Bias, temperature);
}
