using Mapper.Engine.Model;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Pipeline;

/// <summary>Folds the model's per-label predictions into one multi-label answer, like the rules do.</summary>
internal static class ModelAnswerBuilder
{
    public static (IReadOnlyList<string> Labels, IReadOnlyDictionary<string, double> Scores, double Confidence) Build(
        IReadOnlyList<ModelPrediction> predictions)
    {
        // An Unknown prediction means the model found no label: its confidence in a mapping is 0.
        var parts = predictions.Select(p => (p.Label, Confidence: p.Label == WellKnownLabels.Unknown ? 0.0 : p.Probability)).ToList();
        var known = parts.Where(p => p.Label != WellKnownLabels.Unknown).ToList();
        if (known.Count == 0)
        {
            return ([WellKnownLabels.Unknown], new Dictionary<string, double> { [WellKnownLabels.Unknown] = 0.0 }, 0.0);
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (label, confidence) in known)
        {
            scores[label] = Math.Max(scores.GetValueOrDefault(label), confidence);
        }

        // Like the rules: as firm as the weakest part, and a part the model could not place counts as 0.
        return (known.Select(p => p.Label).Distinct(StringComparer.Ordinal).ToList(), scores, parts.Min(p => p.Confidence));
    }
}
