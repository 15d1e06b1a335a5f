using System.Text;

namespace Mapper.Console.Runbooks;

/// <summary>
/// Step ids: <c>{section anchor}/{step text as a slug}</c>. Only the step's own section and first line go in, so
/// editing another step, a paragraph or another section leaves every other id (and the checks recorded on it) alone.
/// A long text is cut and given a short FNV-1a hash of the whole, so two long steps that differ late stay apart.
/// </summary>
public sealed class StepIds
{
    public const int MaxSlug = 64;

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>The id for the next step; a repeat of the same text in the same section gets <c>-2</c>, <c>-3</c>.</summary>
    public string Next(string section, string text)
    {
        var id = $"{section}/{Slug(text)}";
        var unique = id;
        for (var n = 2; !_used.Add(unique); n++)
        {
            unique = $"{id}-{n}";
        }

        return unique;
    }

    /// <summary>Lower-case ASCII letters and digits, every other run of characters one '-'.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var full = slug.ToString().TrimEnd('-');
        if (full.Length == 0)
        {
            return "step";
        }

        return full.Length <= MaxSlug ? full : $"{full[..(MaxSlug - 9)].TrimEnd('-')}-{Fnv1a(full):x8}";
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
