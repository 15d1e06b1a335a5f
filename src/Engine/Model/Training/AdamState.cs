using System.Numerics;
using Mapper.Engine.Model.Network;

namespace Mapper.Engine.Model.Training;

/// <summary>Adam moments; embedding rows are updated only when a batch touched them ("lazy" Adam).</summary>
internal sealed class AdamState(AdapterWeights weights, float learningRate)
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    private readonly float[] _embeddingM = new float[weights.Embedding.Length];
    private readonly float[] _embeddingV = new float[weights.Embedding.Length];
    private readonly float[] _weightM = new float[weights.Weight.Length];
    private readonly float[] _weightV = new float[weights.Weight.Length];
    private readonly float[] _biasM = new float[weights.Bias.Length];
    private readonly float[] _biasV = new float[weights.Bias.Length];
    private int _step;

    public void Step(Gradients g)
    {
        _step++;
        var rate = learningRate * MathF.Sqrt(1f - MathF.Pow(Beta2, _step)) / (1f - MathF.Pow(Beta1, _step));
        foreach (var row in g.TouchedRows)
        {
            var offset = row * weights.Dim;
            Update(weights.Embedding.AsSpan(offset, weights.Dim), g.Embedding.AsSpan(offset, weights.Dim),
                _embeddingM.AsSpan(offset, weights.Dim), _embeddingV.AsSpan(offset, weights.Dim), rate);
        }

        Update(weights.Weight, g.Weight, _weightM, _weightV, rate);
        Update(weights.Bias, g.Bias, _biasM, _biasV, rate);
    }

    // Element-wise only (no reductions), so the vector width of the machine cannot change the result.
    private static void Update(Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> m, Span<float> v, float rate)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var beta1 = new Vector<float>(Beta1);
            var beta2 = new Vector<float>(Beta2);
            var oneMinusBeta1 = new Vector<float>(1f - Beta1);
            var oneMinusBeta2 = new Vector<float>(1f - Beta2);
            var epsilon = new Vector<float>(Epsilon);
            var step = new Vector<float>(rate);
            for (; i <= parameter.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var grad = new Vector<float>(gradient[i..]);
                var mi = (beta1 * new Vector<float>(m[i..])) + (oneMinusBeta1 * grad);
                var vi = (beta2 * new Vector<float>(v[i..])) + (oneMinusBeta2 * grad * grad);
                mi.CopyTo(m[i..]);
                vi.CopyTo(v[i..]);
                (new Vector<float>(parameter[i..]) - (step * mi / (Vector.SquareRoot(vi) + epsilon))).CopyTo(parameter[i..]);
            }
        }

        for (; i < parameter.Length; i++)
        {
            var grad = gradient[i];
            m[i] = (Beta1 * m[i]) + ((1f - Beta1) * grad);
            v[i] = (Beta2 * v[i]) + ((1f - Beta2) * grad * grad);
            parameter[i] -= rate * m[i] / (MathF.Sqrt(v[i]) + Epsilon);
        }
    }
}
