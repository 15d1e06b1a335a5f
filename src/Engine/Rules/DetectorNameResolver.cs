using System.Collections.Frozen;

namespace Mapper.Engine.Rules;

/// <summary>
/// Turns the detector name a client sent (<c>OpenAI-Moderation</c>, <c>llama_guard</c>, <c>presidio-analyzer-v2</c>)
/// into the canonical name of a known detector, or null. Resolution is computed from the loaded tables once.
/// </summary>
public sealed class DetectorNameResolver
{
    /// <summary>Words that describe what a detector looks for rather than which product it is.</summary>
    private static readonly FrozenSet<string> GenericWords = new[]
    {
        "pii", "toxicity", "toxic", "content", "safety", "moderation", "guard", "guardrails", "cloud",
        "detector", "scanner", "classifier", "filter", "hate", "v1", "v2",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, string> _byCompactName;
    private readonly FrozenDictionary<string, string> _byDistinctiveToken;

    public DetectorNameResolver(IEnumerable<DetectorRuleSet> detectors)
    {
        var list = detectors.ToList();
        // Squashed (no separators) so "OpenAI-Moderation", whose camelCase splits "open_ai", still finds "openai-moderation".
        _byCompactName = list.ToFrozenDictionary(d => Squash(LabelText.Compact(d.Detector)), d => d.Detector, StringComparer.Ordinal);

        // A product or vendor token that names exactly one detector identifies it on its own.
        var owners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var detector in list)
        {
            foreach (var token in LabelText.Tokens(LabelText.Compact(detector.Detector)).Append(detector.Vendor.ToLowerInvariant()))
            {
                if (!owners.TryGetValue(token, out var set))
                {
                    owners[token] = set = [];
                }

                set.Add(detector.Detector);
            }
        }

        _byDistinctiveToken = owners.Where(p => p.Value.Count == 1 && !GenericWords.Contains(p.Key))
            .ToFrozenDictionary(p => p.Key, p => p.Value.Single(), StringComparer.Ordinal);
    }

    public string? Resolve(string name)
    {
        var compact = LabelText.Compact(name);
        if (_byCompactName.TryGetValue(Squash(compact), out var known))
        {
            return known;
        }

        var tokens = LabelText.Tokens(compact).Where(t => !NoiseTokens.IsVersionOrNumber(t)).ToArray();
        if (_byCompactName.TryGetValue(string.Concat(tokens), out known))
        {
            return known;
        }

        // camelCase splits brand names ("DeBERTa", "HuggingFace", "NeMo"), so runs of adjacent tokens are glued back too.
        var candidates = GluedRuns(tokens).Select(t => _byDistinctiveToken.GetValueOrDefault(t)).OfType<string>().Distinct().ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static string Squash(string compact) => compact.Replace("_", "", StringComparison.Ordinal);

    private static IEnumerable<string> GluedRuns(string[] tokens)
    {
        for (var start = 0; start < tokens.Length; start++)
        {
            var glued = "";
            for (var end = start; end < tokens.Length && end - start < 4; end++)
            {
                glued += tokens[end];
                yield return glued;
            }
        }
    }
}
