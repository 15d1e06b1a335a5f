using Mapper.Engine.Model.Features;
using Mapper.Engine.Rules;

namespace Mapper.Engine.Model.Training;

/// <summary>
/// Keeps evaluation strings out of training, compared as the model sees them (<see cref="LabelNoise.ModelText"/>:
/// <c>insult_v2</c> and <c>insult</c> are one input). A generated or vocabulary row is dropped when its own text is
/// an evaluation string, and so is every row generated from such a phrase (<c>nsfw_flag</c> made from a lexicon
/// <c>nsfw</c> teaches the evaluation word as surely as the word itself). A rule row is dropped only when it is
/// itself an evaluation string (compacted); one that merely shares its model text with one (<c>hate</c> and the
/// evaluation string <c>hate_v2</c>) stays, because the rule table is what the activation gate demands.
/// </summary>
internal sealed class LeakGuard
{
    private readonly HashSet<string> _compacts;
    private readonly HashSet<string> _texts;

    public LeakGuard(IEnumerable<string>? evaluationStrings)
    {
        var strings = (evaluationStrings ?? []).ToArray();
        _compacts = new HashSet<string>(strings.Select(LabelText.Compact), StringComparer.Ordinal);
        _texts = new HashSet<string>(strings.Select(LabelNoise.ModelText), StringComparer.Ordinal);
    }

    /// <summary>Rows (as written or generated) the guard removed.</summary>
    public int Dropped { get; private set; }

    /// <summary>True when <paramref name="modelText"/> is an evaluation string's model text; not counted.</summary>
    public bool IsEvaluation(string modelText) => _texts.Contains(modelText);

    /// <summary>
    /// True (and counted) when the row must not be trained on; <paramref name="modelText"/> is its
    /// <see cref="LabelNoise.ModelText"/>, <paramref name="origin"/> the row it was generated from, if any.
    /// </summary>
    public bool Drops(TrainingExample row, string modelText, TrainingExample? origin = null)
    {
        var drop = row.Source == ExampleSource.Rule
            ? _compacts.Contains(LabelText.Compact(row.RawLabel))
            : _texts.Contains(modelText)
                || (origin is { Source: not ExampleSource.Rule } && _texts.Contains(LabelNoise.ModelText(origin.RawLabel)));
        Dropped += drop ? 1 : 0;
        return drop;
    }
}
