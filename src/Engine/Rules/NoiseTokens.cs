using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Mapper.Engine.Rules;

/// <summary>
/// Tokens that carry no meaning for the label: version tags, numeric suffixes, vendor and product
/// prefixes, and filler words. Negation words are deliberately absent: they carry polarity.
/// </summary>
public static partial class NoiseTokens
{
    private static readonly FrozenSet<string> Words = new[]
    {
        // vendors and products
        "aws", "amazon", "bedrock", "azure", "microsoft", "ms", "openai", "oai", "google", "gcp", "dlp", "cloud",
        "presidio", "nvidia", "nemo", "llama", "meta", "hf", "huggingface", "anthropic", "claude", "detoxify",
        "deberta", "hatebert", "regex", "guardrails", "moderation",
        // filler around a label
        "label", "labels", "category", "categories", "cat", "class", "type", "entity", "tag", "detected",
        "detection", "flag", "score", "result", "output", "is", "the", "a", "an", "of", "content_type",
        "latest", "beta", "alpha", "stable", "prod", "model",
        // conjunctions inside multi-word category names ("guns_and_illegal_weapons", "sex_related_crimes")
        "and", "or", "related",
    }.ToFrozenSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^(v\d+[a-z]?|\d+|\d+[a-z]|r\d+)$")]
    private static partial Regex VersionOrNumber();

    public static bool IsNoise(string token) => Words.Contains(token) || IsVersionOrNumber(token);

    public static bool IsVersionOrNumber(string token) => VersionOrNumber().IsMatch(token);

    /// <summary>The meaningful tokens of a compacted label; if every token is noise, all of them (so "hate_2" keeps "hate").</summary>
    public static string[] Strip(string[] tokens)
    {
        var kept = tokens.Where(t => !IsNoise(t)).ToArray();
        return kept.Length > 0 ? kept : tokens;
    }
}
