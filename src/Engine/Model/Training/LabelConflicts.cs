using Mapper.Engine.Data;
using Mapper.Engine.Model.Features;

namespace Mapper.Engine.Model.Training;

/// <summary>
/// Decides the label of a generated row: the detector's own rule row always wins; a generated row whose
/// text is a known label of a different class (a dropped word turning <c>sexual_minors</c> into
/// <c>sexual</c>, or a lexicon phrase that is another label's rule row or alias) is discarded rather than taught wrongly.
/// </summary>
internal sealed class LabelConflicts
{
    private readonly Dictionary<(string Detector, string Label), string> _rules = [];
    private readonly Dictionary<string, HashSet<string>> _known = new(StringComparer.Ordinal);

    public LabelConflicts(MappingData data)
    {
        foreach (var set in data.Detectors)
        {
            var detector = DetectorName.Normalize(set.Detector);
            foreach (var rule in set.Rules)
            {
                var compact = LabelNoise.ModelText(rule.RawLabel);
                _rules.TryAdd((detector, compact), rule.CanonicalLabel);
                Known(compact).Add(rule.CanonicalLabel);
            }
        }

        foreach (var label in data.Taxonomy.Labels)
        {
            foreach (var alias in label.Aliases)
            {
                Known(LabelNoise.ModelText(alias)).Add(label.Name);
            }
        }
    }

    /// <summary>The label to train, or null to drop the row.</summary>
    public string? Resolve(TrainingExample row)
    {
        var compact = LabelNoise.ModelText(row.RawLabel);
        if (compact.Length == 0)
        {
            // Only junk may be wordless: a detector that emits "???" has said nothing the model can map.
            return row.Source == ExampleSource.Junk ? row.Label : null;
        }

        if (_rules.TryGetValue((DetectorName.Normalize(row.Detector), compact), out var ruleLabel))
        {
            return ruleLabel;
        }

        if (row.Source is ExampleSource.Lexicon or ExampleSource.Variant or ExampleSource.Negation or ExampleSource.Junk
            && _known.TryGetValue(compact, out var labels) && !labels.Contains(row.Label))
        {
            return null;
        }

        return row.Label;
    }

    private HashSet<string> Known(string compact)
    {
        if (!_known.TryGetValue(compact, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            _known[compact] = set;
        }

        return set;
    }
}
