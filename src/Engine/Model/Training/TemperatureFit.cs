using Mapper.Engine.Model.Features;
using Mapper.Engine.Model.Network;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Model.Training;

/// <summary>
/// Temperature scaling: one scalar T fitted on the held-out calibration slice (unseen lexicon phrases and
/// synthetic spellings). T minimises the slice's expected calibration error, the quantity operators read off a
/// threshold, with the negative log-likelihood breaking near-ties. Fitted on training-side data only, never on
/// evaluation strings, so reported ECE on the golden sets stays honest.
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
        var bestScore = double.MaxValue;
        var probabilities = new float[weights.Labels.Count];
        var scored = new ScoredPrediction[logits.Length];
        for (var step = 0; step <= 95; step++)
        {
            var t = 0.25f + (step * 0.05f);
            var loss = 0.0;
            for (var i = 0; i < logits.Length; i++)
            {
                logits[i].CopyTo(probabilities, 0);
                ManagedForward.Softmax(probabilities, t);
                loss -= Math.Log(Math.Max(probabilities[targets[i]], 1e-12f));
                var top = 0;
                for (var c = 1; c < probabilities.Length; c++)
                {
                    if (probabilities[c] > probabilities[top])
                    {
                        top = c;
                    }
                }

                scored[i] = new ScoredPrediction(probabilities[top], top == targets[i]);
            }

            // ECE moves in steps of 1/n between neighbouring temperatures; a hundredth of the mean NLL settles ties.
            var score = Calibration.ExpectedCalibrationError(scored) + (0.01 * loss / logits.Length);
            if (score < bestScore)
            {
                bestScore = score;
                best = t;
            }
        }

        return best;
    }
}
