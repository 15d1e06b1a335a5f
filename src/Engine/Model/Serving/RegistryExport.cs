using System.Text.Json;
using Mapper.Engine.Model.Adapters;

namespace Mapper.Engine.Model.Serving;

/// <summary>One activation: which adapter became live, how, when, by whom and why. Rollback is a new revision, never an edit.</summary>
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

    /// <summary>At start the adapter that served before was refused, and an earlier or fresh one took its place.</summary>
    public const string KindRecovery = "recovery";

    public string Adapter => AdapterId + "@" + Version;
}

/// <summary>What <see cref="RegistryExport.Read"/> found: the revisions, or why the file could not be used.</summary>
public sealed record RegistryExportReading(IReadOnlyList<AdapterRevision> Revisions, string? Problem)
{
    public AdapterRevision? Serving => Revisions.LastOrDefault(r => r.DeactivatedAt is null);
}

/// <summary>
/// <c>&lt;store&gt;/registry.json</c>: a read-only export of the console's activation history, for offline
/// tools (<c>mapper versions show</c>, hybrid quality runs). The console's store is the one history; it
/// rewrites this file after each activation and never reads it back except to import an older install once.
/// </summary>
public static class RegistryExport
{
    public const string FileName = "registry.json";

    private sealed record Document(List<AdapterRevision> Revisions);

    public static string PathIn(string storeRoot) => Path.Combine(storeRoot, FileName);

    /// <summary>Never throws for a bad file: a missing one reads as empty, a corrupt one as empty with the problem named.</summary>
    public static RegistryExportReading Read(string storeRoot)
    {
        var path = PathIn(storeRoot);
        if (!File.Exists(path))
        {
            return new([], null);
        }

        try
        {
            var document = JsonSerializer.Deserialize<Document>(File.ReadAllBytes(path), AdapterStore.Json);
            var revisions = document?.Revisions;
            if (revisions is null || revisions.Any(r => r is null || r.AdapterId is null || r.Version is null))
            {
                return new([], $"{path}: not a registry export (no list of revisions with adapter id and version)");
            }

            return new(revisions, null);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new([], $"{path}: unreadable ({FirstLine(e.Message)})");
        }
    }

    /// <summary>Replaces the file atomically and durably: a temp file flushed to disk, then renamed over the old one.</summary>
    public static void Write(string storeRoot, IReadOnlyList<AdapterRevision> revisions)
    {
        var path = PathIn(storeRoot);
        DurableFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(new Document([.. revisions]), AdapterStore.Json));
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
