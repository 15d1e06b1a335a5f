using Mapper.Engine.Data;
using Mapper.Engine.Rules;

namespace Mapper.Engine.Quality;

/// <summary>
/// The strings an adapter must never be trained on. Rule rows are training facts (the gate demands them
/// and the rule table already answers them); every other string of the evaluation sets is what reported
/// accuracy is measured on, so training on it would make that accuracy a memory test.
/// </summary>
public static class EvaluationStrings
{
    /// <summary>The golden sets whose strings are evaluation-only (golden/rules is the rule table itself).</summary>
    public static readonly IReadOnlyList<string> EvaluationSets = ["variants", "heldout"];

    /// <summary>
    /// The raw pipe-parts of every case in <c>variants/</c> and <c>heldout/</c> below
    /// <paramref name="goldenDirectory"/> whose compacted form is no rule row's compacted raw label, in
    /// file order without duplicates. A missing set folder contributes nothing; a missing golden directory
    /// or a malformed file throws <see cref="GoldenCaseFormatException"/> (training must not silently lose its guard).
    /// </summary>
    public static IReadOnlyList<string> ForLeakGuard(MappingData data, string goldenDirectory)
    {
        if (!Directory.Exists(goldenDirectory))
        {
            throw new GoldenCaseFormatException(goldenDirectory, "path", "is not a directory: the leak guard needs the golden sets");
        }

        var ruleKeys = data.Detectors.SelectMany(d => d.Rules).Select(r => LabelText.Compact(r.RawLabel)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var strings = new List<string>();
        foreach (var set in EvaluationSets)
        {
            var folder = Path.Combine(goldenDirectory, set);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var golden in GoldenCaseLoader.LoadAll(folder).SelectMany(f => f.Cases))
            {
                foreach (var part in LabelText.SplitLabels(golden.InputOutput))
                {
                    var compact = LabelText.Compact(part);
                    if (compact.Length > 0 && !ruleKeys.Contains(compact) && seen.Add(part))
                    {
                        strings.Add(part);
                    }
                }
            }
        }

        return strings;
    }
}
