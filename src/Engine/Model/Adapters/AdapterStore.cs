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

    /// <summary>Every readable adapter, by id then ascending version.</summary>
    public IReadOnlyList<AdapterManifest> List(string? id = null)
    {
        var ids = id is not null ? [id] : Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(AdapterVersion.IsValidId);
        return ids
            .Where(i => Directory.Exists(Path.Combine(Root, i)))
            .SelectMany(i => Directory.EnumerateDirectories(Path.Combine(Root, i))
                .Select(Path.GetFileName).OfType<string>().Where(AdapterVersion.IsValid)
                .Select(v => Find(i, v)).OfType<AdapterManifest>())
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ThenBy(m => AdapterVersion.Parse(m.Version))
            .ToArray();
    }

    public AdapterManifest? Latest(string id) => List(id).LastOrDefault();

    public AdapterManifest? Find(string id, string version) => ReadManifest(DirectoryOf(id, version));

    /// <summary>The manifest of any adapter folder (in a store or not), or null when it has none. Throws <see cref="JsonException"/> when it is not one.</summary>
    public static AdapterManifest? ReadManifest(string adapterDirectory)
    {
        var path = Path.Combine(adapterDirectory, ManifestFileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<AdapterManifest>(File.ReadAllBytes(path), Json) : null;
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
        var temporary = Path.Combine(parent, ".tmp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temporary);
        try
        {
            File.WriteAllBytes(Path.Combine(temporary, ModelFileName), model);
            File.WriteAllBytes(Path.Combine(temporary, ManifestFileName), JsonSerializer.SerializeToUtf8Bytes(complete, Json));
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
