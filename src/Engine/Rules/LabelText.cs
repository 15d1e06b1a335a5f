using System.Text;

namespace Mapper.Engine.Rules;

/// <summary>
/// Text normalisation shared by the rule mapper and the model featurizer, so both see a raw label
/// the same way: <c>Hate-Speech</c>, <c>hate speech</c>, <c>HATE_SPEECH</c> and <c>HateSpeech</c> all compact to <c>hate_speech</c>.
/// </summary>
public static class LabelText
{
    /// <summary>Separator that joins several labels in one detector output.</summary>
    public const char MultiLabelSeparator = '|';

    /// <summary>Lower-case words joined by '_': every non-alphanumeric run and every camelCase boundary becomes one '_'.</summary>
    public static string Compact(string raw)
    {
        var builder = new StringBuilder(raw.Length + 4);
        var previous = '\0';
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (!char.IsLetterOrDigit(c))
            {
                AppendSeparator(builder);
                previous = c;
                continue;
            }

            var next = i + 1 < raw.Length ? raw[i + 1] : '\0';
            var camelBoundary = char.IsUpper(c)
                && (char.IsLower(previous) || (char.IsUpper(previous) && char.IsLower(next)));
            if (camelBoundary)
            {
                AppendSeparator(builder);
            }

            builder.Append(char.ToLowerInvariant(c));
            previous = c;
        }

        while (builder.Length > 0 && builder[^1] == '_')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    /// <summary>The words of a compacted label.</summary>
    public static string[] Tokens(string compact) =>
        compact.Split('_', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Splits a pipe-joined output into its non-empty, trimmed parts.</summary>
    public static IReadOnlyList<string> SplitLabels(string output) =>
        output.Split(MultiLabelSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// What the model is asked about: each part of a pipe-joined output, or the whole output when it has
    /// no part (only separators or blanks). The pipeline and every evaluation use this one rule.
    /// </summary>
    public static IReadOnlyList<string> ModelParts(string output)
    {
        var parts = SplitLabels(output);
        return parts.Count > 0 ? parts : [output];
    }

    private static void AppendSeparator(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != '_')
        {
            builder.Append('_');
        }
    }
}
