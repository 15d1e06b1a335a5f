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
    /// <summary>The one golden folder that is not evaluation-only: it is the rule table itself.</summary>
    public const string RuleSet = "rules";

    /// <summary>
    /// The golden sets whose strings are evaluation-only: every subfolder of <paramref name="goldenDirectory"/>
    /// except <c>rules/</c>, in ordinal order, so a new evaluation folder (say <c>blind/</c>) is guarded the day it appears.
    /// </summary>
    public static IReadOnlyList<string> EvaluationSets(string goldenDirectory) =>
        [.. Directory.EnumerateDirectories(goldenDirectory).Select(Path.GetFileName).OfType<string>()
            .Where(name => !string.Equals(name, RuleSet, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The raw pipe-parts of every case in every evaluation set below <paramref name="goldenDirectory"/>
    /// (<see cref="EvaluationSets"/>) whose compacted form is no rule row's compacted raw label, in set and
    /// file order without duplicates. A missing golden directory or a malformed file throws
    /// <see cref="GoldenCaseFormatException"/> (training must not silently lose its guard).
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
        foreach (var set in EvaluationSets(goldenDirectory))
        {
            var folder = Path.Combine(goldenDirectory, set);
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
