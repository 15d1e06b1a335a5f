using Mapper.Engine.Model.Features;
using Mapper.Engine.Model.Network;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Model.Training;

/// <summary>
/// Temperature scaling: one scalar T minimising the negative log-likelihood of the held-out synthetic
/// slice. Fitted on training-side data only, never on evaluation strings, so reported ECE stays honest.
/// </summary>
public static class TemperatureFit
{
    public static float Fit(AdapterWeights weights, LabelFeaturizer featurizer, IReadOnlyList<TrainingExample> heldOut, CanonicalTaxonomy taxonomy)
    {
        if (heldOut.Count == 0)
        {
            return 1f;
        }

        var logits = new float[heldOut.Count][];
        var targets = new int[heldOut.Count];
        Span<float> hidden = stackalloc float[weights.Dim];
        for (var i = 0; i < heldOut.Count; i++)
        {
            logits[i] = new float[weights.Labels.Count];
            ManagedForward.Pool(weights, featurizer.Featurize(heldOut[i].Detector, heldOut[i].RawLabel), hidden);
            ManagedForward.Logits(weights, hidden, logits[i]);
            targets[i] = taxonomy.IndexOf(heldOut[i].Label);
        }

        // A coarse grid is enough for one parameter and is exactly reproducible.
        var best = 1f;
        var bestLoss = double.MaxValue;
        var probabilities = new float[weights.Labels.Count];
        for (var step = 0; step <= 95; step++)
        {
            var t = 0.25f + (step * 0.05f);
            var loss = 0.0;
            for (var i = 0; i < logits.Length; i++)
            {
                logits[i].CopyTo(probabilities, 0);
                ManagedForward.Softmax(probabilities, t);
                loss -= Math.Log(Math.Max(probabilities[targets[i]], 1e-12f));
            }

            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = t;
            }
        }

        return best;
    }
}
