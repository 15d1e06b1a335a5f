using System.Security.Cryptography;
using System.Text.Json;

namespace Mapper.Engine.Model.Adapters;

/// <summary>
/// Adapters on disk: <c>&lt;root&gt;/&lt;id&gt;/&lt;version&gt;/{model.onnx, manifest.json}</c>. A version folder is
/// written under a temporary name and moved into place, so a half-written adapter is never visible, and
/// an existing version is never overwritten: a new model is a new version.
/// </summary>
public sealed class AdapterStore
{
    public const string ModelFileName = "model.onnx";
    public const string ManifestFileName = "manifest.json";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public AdapterStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string DirectoryOf(string id, string version)
    {
        if (!AdapterVersion.IsValidId(id) || !AdapterVersion.IsValid(version))
        {
            throw new ArgumentException($"'{id}@{version}' is not a valid adapter id and version.");
        }

        return Path.Combine(Root, id, version);
    }

    /// <summary>Every readable adapter, by id then ascending version. A folder whose manifest is corrupt is left out (see <see cref="Unreadable"/>).</summary>
    public IReadOnlyList<AdapterManifest> List(string? id = null) =>
        VersionFolders(id)
            .Select(f => TryRead(f.Id, f.Version).Manifest).OfType<AdapterManifest>()
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ThenBy(m => AdapterVersion.Parse(m.Version))
            .ToArray();

    /// <summary>Version folders whose manifest cannot be read, each with the file and the problem.</summary>
    public IReadOnlyList<string> Unreadable() =>
        VersionFolders(null).Select(f => TryRead(f.Id, f.Version).Problem).OfType<string>().ToArray();

    public AdapterManifest? Latest(string id) => List(id).LastOrDefault();

    /// <summary>The manifest, or null when the version does not exist. Throws <see cref="AdapterFileException"/> naming the file when it is corrupt.</summary>
    public AdapterManifest? Find(string id, string version) => ReadManifest(DirectoryOf(id, version));

    /// <summary>
    /// The manifest of any adapter folder (in a store or not), or null when it has none. Throws
    /// <see cref="AdapterFileException"/> naming the file when it is empty, truncated or not a manifest.
    /// </summary>
    public static AdapterManifest? ReadManifest(string adapterDirectory)
    {
        var path = Path.Combine(adapterDirectory, ManifestFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<AdapterManifest>(File.ReadAllBytes(path), Json);
            return manifest is { Id: not null, Version: not null, Metrics: not null, HyperParameters: not null }
                ? manifest
                : throw new AdapterFileException(path, "not an adapter manifest (id, version, metrics or hyper-parameters missing)");
        }
        catch (JsonException e)
        {
            throw new AdapterFileException(path, $"not valid JSON ({e.Message.Split('\n', 2)[0].Trim()})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AdapterFileException(path, $"unreadable ({e.Message})");
        }
    }

    /// <summary>
    /// Removes what a crash can leave behind: half-written version folders and temp files (both named
    /// <see cref="DurableFile.TemporaryPrefix"/>...). Returns the paths removed.
    /// </summary>
    public IReadOnlyList<string> CleanTemporary()
    {
        var removed = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(Root).Prepend(Root))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, DurableFile.TemporaryPrefix + "*"))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }

                removed.Add(entry);
            }
        }

        return removed;
    }

    private IEnumerable<(string Id, string Version)> VersionFolders(string? id)
    {
        var ids = id is not null ? [id] : Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(AdapterVersion.IsValidId);
        return ids
            .Where(i => Directory.Exists(Path.Combine(Root, i)))
            .SelectMany(i => Directory.EnumerateDirectories(Path.Combine(Root, i))
                .Select(Path.GetFileName).OfType<string>().Where(AdapterVersion.IsValid)
                .Select(v => (i, v)));
    }

    private (AdapterManifest? Manifest, string? Problem) TryRead(string id, string version)
    {
        try
        {
            return (Find(id, version), null);
        }
        catch (AdapterFileException e)
        {
            return (null, e.Message);
        }
    }

    public byte[] ReadModel(string id, string version) => File.ReadAllBytes(Path.Combine(DirectoryOf(id, version), ModelFileName));

    /// <summary>Writes a new version; fills in the model hash and size. Throws <see cref="IOException"/> if the version exists.</summary>
    public AdapterManifest Write(AdapterManifest manifest, byte[] model)
    {
        var target = DirectoryOf(manifest.Id, manifest.Version);
        if (Directory.Exists(target))
        {
            throw new IOException($"Adapter {manifest.Name} already exists; adapters are immutable, write a new version.");
        }

        var complete = manifest with { ModelSha256 = Sha256(model), ModelSizeBytes = model.Length };
        var parent = Path.Combine(Root, manifest.Id);
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, DurableFile.TemporaryPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temporary);
        try
        {
            // Both files reach the disk before the folder is renamed into place: a crash leaves a temp folder, never a torn adapter.
            DurableFile.Write(Path.Combine(temporary, ModelFileName), model);
            DurableFile.Write(Path.Combine(temporary, ManifestFileName), JsonSerializer.SerializeToUtf8Bytes(complete, Json));
            Directory.Move(temporary, target);
        }
        catch
        {
            Directory.Delete(temporary, recursive: true);
            throw;
        }

        return complete;
    }

    public static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
}
