using System.Text.Json;
using Mapper.Engine.Model.Adapters;

namespace Mapper.Engine.Model.Serving;

/// <summary>One activation. Entries are only ever appended; a rollback is a new entry, not an edit.</summary>
public sealed record AdapterRevision(
    int Revision,
    string AdapterId,
    string Version,
    string Kind,
    DateTimeOffset ActivatedAt,
    DateTimeOffset? DeactivatedAt,
    string? Reason,
    string? Actor)
{
    public const string KindActivate = "activate";
    public const string KindRollback = "rollback";
    public const string KindBootstrap = "bootstrap";

    public string Adapter => AdapterId + "@" + Version;
}

/// <summary>The registry's history in <c>&lt;store&gt;/registry.json</c>, replaced atomically (temp file + rename).</summary>
public sealed class RegistryHistory(string storeRoot)
{
    public const string FileName = "registry.json";

    private sealed record Document(List<AdapterRevision> Revisions);

    public string Path { get; } = System.IO.Path.Combine(storeRoot, FileName);

    public List<AdapterRevision> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        return JsonSerializer.Deserialize<Document>(File.ReadAllBytes(Path), AdapterStore.Json)?.Revisions ?? [];
    }

    /// <summary>The revision recorded as serving (not yet deactivated), read without loading any model.</summary>
    public static AdapterRevision? Serving(string storeRoot) =>
        new RegistryHistory(storeRoot).Load().LastOrDefault(r => r.DeactivatedAt is null);

    public void Save(IReadOnlyList<AdapterRevision> revisions)
    {
        var temporary = Path + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(new Document([.. revisions]), AdapterStore.Json));
        File.Move(temporary, Path, overwrite: true);
    }
}
