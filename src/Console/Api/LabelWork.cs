using Mapper.Engine.Rules;

namespace Mapper.Console.Api;

/// <summary>
/// What a request costs the engine, measured before any of it runs. The rule mapper and the model work per
/// label (a part of an output split at '|'), and the rules' last tier per word of it: one unmatched
/// 2,000-character label costs as much as 200 short ones. So a label counts its words (at least one),
/// a request may hold at most <c>Api:MaxLabelWordsPerRequest</c> of them, and the rate limiter
/// counts the same unit.
/// </summary>
public static class LabelWork
{
    /// <summary>Labels and words of one output, as the engine will see them (<see cref="LabelText"/>'s split and compaction).</summary>
    public static (int Labels, int Words) Measure(string output)
    {
        int labels = 0, words = 0;
        foreach (var range in output.AsSpan().Split(LabelText.MultiLabelSeparator))
        {
            var part = output.AsSpan(range).Trim();
            if (part.IsEmpty)
            {
                continue;
            }

            labels++;
            words += Math.Max(1, Words(part));
        }

        // An output of separators only is asked about as a whole: one label.
        return labels == 0 ? (1, 1) : (labels, words);
    }

    /// <summary>The output's words, after refusing it when it joins more labels than <c>Api:MaxLabelsPerOutput</c>.</summary>
    public static int Check(string output, FieldPath field, ApiOptions options)
    {
        var labels = CountLabels(output);
        if (labels > options.MaxLabelsPerOutput)
        {
            throw ApiProblemException.Invalid(field.Problem($"{labels} labels joined with '|'; at most {options.MaxLabelsPerOutput} (Api:MaxLabelsPerOutput)"));
        }

        return Measure(output).Words;
    }

    /// <summary>Refuses a request whose outputs hold more label words in all than <c>Api:MaxLabelWordsPerRequest</c>.</summary>
    public static void CheckTotal(int words, FieldPath field, ApiOptions options)
    {
        if (words > options.MaxLabelWordsPerRequest)
        {
            throw ApiProblemException.Invalid(field.Problem(
                $"{words} label words in all (each label joined with '|' counts its words, at least one); at most {options.MaxLabelWordsPerRequest} per request (Api:MaxLabelWordsPerRequest)"));
        }
    }

    /// <summary>Non-blank parts, counted without compacting them (a cheap first look at a long output).</summary>
    private static int CountLabels(string output)
    {
        var labels = 0;
        foreach (var range in output.AsSpan().Split(LabelText.MultiLabelSeparator))
        {
            if (!output.AsSpan(range).IsWhiteSpace())
            {
                labels++;
            }
        }

        return labels;
    }

    private static int Words(ReadOnlySpan<char> part)
    {
        var compact = LabelText.Compact(part.ToString());
        return compact.Length == 0 ? 0 : compact.AsSpan().Count('_') + 1;
    }
}
