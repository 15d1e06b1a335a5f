using Mapper.Engine.Model.Network;

namespace Mapper.Engine.Model.Training;

/// <summary>Cross-entropy gradients of one mini-batch: dense for W and b, sparse (touched rows) for E.</summary>
internal sealed class Gradients
{
    private readonly AdapterWeights _w;
    private readonly float[] _hidden;
    private readonly float[] _probabilities;
    private readonly float[] _hiddenGradient;
    private readonly bool[] _isTouched;

    public Gradients(AdapterWeights weights)
    {
        _w = weights;
        _hidden = new float[weights.Dim];
        _probabilities = new float[weights.Labels.Count];
        _hiddenGradient = new float[weights.Dim];
        _isTouched = new bool[weights.Buckets];
        Embedding = new float[weights.Embedding.Length];
        Weight = new float[weights.Weight.Length];
        Bias = new float[weights.Bias.Length];
    }

    public float[] Embedding { get; }

    public float[] Weight { get; }

    public float[] Bias { get; }

    /// <summary>Embedding rows with a gradient in this batch, in first-touch order (deterministic).</summary>
    public List<int> TouchedRows { get; } = [];

    public void Clear()
    {
        foreach (var row in TouchedRows)
        {
            Embedding.AsSpan(row * _w.Dim, _w.Dim).Clear();
            _isTouched[row] = false;
        }

        TouchedRows.Clear();
        Array.Clear(Weight);
        Array.Clear(Bias);
    }

    /// <summary>Adds one example's gradient (times <paramref name="scale"/>) and returns its cross-entropy loss.</summary>
    public double Accumulate(int[] ids, int target, float scale)
    {
        var labels = _w.Labels.Count;
        ManagedForward.Pool(_w, ids, _hidden);
        ManagedForward.Logits(_w, _hidden, _probabilities);
        ManagedForward.Softmax(_probabilities, 1f);
        var loss = -Math.Log(Math.Max(_probabilities[target], 1e-12f));
        _probabilities[target] -= 1f;

        Array.Clear(_hiddenGradient);
        for (var d = 0; d < _w.Dim; d++)
        {
            var h = _hidden[d] * scale;
            var weightRow = _w.Weight.AsSpan(d * labels, labels);
            var gradientRow = Weight.AsSpan(d * labels, labels);
            var sum = 0f;
            for (var c = 0; c < labels; c++)
            {
                var g = _probabilities[c];
                gradientRow[c] += h * g;
                sum += weightRow[c] * g;
            }

            _hiddenGradient[d] = sum * scale;
        }

        for (var c = 0; c < labels; c++)
        {
            Bias[c] += _probabilities[c] * scale;
        }

        var share = 1f / ids.Length;
        foreach (var id in ids)
        {
            if (!_isTouched[id])
            {
                _isTouched[id] = true;
                TouchedRows.Add(id);
            }

            var row = Embedding.AsSpan(id * _w.Dim, _w.Dim);
            for (var d = 0; d < _w.Dim; d++)
            {
                row[d] += _hiddenGradient[d] * share;
            }
        }

        return loss;
    }
}
