namespace Mapper.Engine.Model.Network;

/// <summary>
/// The same computation as the exported ONNX graph, in C#: the trainer uses it for the forward pass and
/// for calibration, and a test holds ONNX Runtime to it.
/// </summary>
public static class ManagedForward
{
    /// <summary>Mean of the embedding rows of <paramref name="ids"/> into <paramref name="hidden"/>.</summary>
    public static void Pool(AdapterWeights w, ReadOnlySpan<int> ids, Span<float> hidden)
    {
        hidden.Clear();
        if (ids.IsEmpty)
        {
            return;
        }

        var scale = 1f / ids.Length;
        foreach (var id in ids)
        {
            var row = w.Embedding.AsSpan(id * w.Dim, w.Dim);
            for (var d = 0; d < w.Dim; d++)
            {
                hidden[d] += row[d] * scale;
            }
        }
    }

    /// <summary>Un-tempered logits: hidden · W + b.</summary>
    public static void Logits(AdapterWeights w, ReadOnlySpan<float> hidden, Span<float> logits)
    {
        var labels = w.Labels.Count;
        w.Bias.AsSpan().CopyTo(logits);
        for (var d = 0; d < w.Dim; d++)
        {
            var h = hidden[d];
            var row = w.Weight.AsSpan(d * labels, labels);
            for (var c = 0; c < labels; c++)
            {
                logits[c] += h * row[c];
            }
        }
    }

    /// <summary>In-place softmax of <paramref name="logits"/> / <paramref name="temperature"/>.</summary>
    public static void Softmax(Span<float> logits, float temperature)
    {
        var inverse = 1f / temperature;
        var max = float.NegativeInfinity;
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] *= inverse;
            max = Math.Max(max, logits[c]);
        }

        var sum = 0f;
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = MathF.Exp(logits[c] - max);
            sum += logits[c];
        }

        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] /= sum;
        }
    }

    /// <summary>Probabilities over the labels for one item.</summary>
    public static float[] Predict(AdapterWeights w, ReadOnlySpan<int> ids)
    {
        Span<float> hidden = stackalloc float[w.Dim];
        var probs = new float[w.Labels.Count];
        Pool(w, ids, hidden);
        Logits(w, hidden, probs);
        Softmax(probs, w.Temperature);
        return probs;
    }
}
