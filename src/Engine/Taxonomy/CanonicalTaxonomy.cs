using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Mapper.Engine.Taxonomy;

/// <summary>The loaded taxonomy: an ordered, immutable set of labels. The order is the model's output order.</summary>
public sealed class CanonicalTaxonomy
{
    private readonly FrozenDictionary<string, int> _indexByName;

    public CanonicalTaxonomy(string version, IReadOnlyList<TaxonomyLabel> labels)
    {
        Version = version;
        Labels = labels;
        _indexByName = labels.Select((label, index) => (label.Name, index))
            .ToFrozenDictionary(p => p.Name, p => p.index, StringComparer.Ordinal);
        Hash = ComputeHash(version, labels);
    }

    public string Version { get; }

    public IReadOnlyList<TaxonomyLabel> Labels { get; }

    /// <summary>SHA-256 over version and label names in order: an adapter trained on another taxonomy is refused.</summary>
    public string Hash { get; }

    public int Count => Labels.Count;

    public bool Contains(string label) => _indexByName.ContainsKey(label);

    public int IndexOf(string label) => _indexByName.TryGetValue(label, out var index) ? index : -1;

    private static string ComputeHash(string version, IReadOnlyList<TaxonomyLabel> labels)
    {
        var text = version + "\n" + string.Join("\n", labels.Select(l => l.Name));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
