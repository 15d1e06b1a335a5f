using Mapper.Engine.Rules;

namespace Mapper.Engine.Model.Features;

/// <summary>
/// Normalises detector names and groups them into families, so an unseen detector such as
/// <c>acme-pii-scanner</c> still borrows what the model learned from the PII detectors.
/// </summary>
public static class DetectorName
{
    public const string GenericFamily = "generic";

    // Order matters: the first family whose keyword appears among the name's tokens wins.
    private static readonly (string Family, string[] Keywords)[] Families =
    [
        ("pii", ["pii", "dlp", "presidio", "privacy", "phi", "regex"]),
        ("toxicity", ["toxicity", "toxic", "detoxify", "hatebert", "deberta", "transformers", "huggingface", "perspective"]),
        ("moderation", ["moderation", "safety", "guard", "guardrails", "llama", "nemo", "shield", "content"]),
    ];

    /// <summary>Lower-case compact form: <c>Azure Content Safety</c> and <c>azure-content-safety</c> are the same detector.</summary>
    public static string Normalize(string? detector) => LabelText.Compact(detector ?? string.Empty);

    public static string FamilyOf(string normalized)
    {
        var tokens = LabelText.Tokens(normalized);
        foreach (var (family, keywords) in Families)
        {
            if (tokens.Any(t => keywords.Contains(t, StringComparer.Ordinal)))
            {
                return family;
            }
        }

        return GenericFamily;
    }
}
