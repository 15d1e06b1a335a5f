using System.Text.Json;

namespace Mapper.Cli.Remote;

/// <summary>A token <c>mapper login</c> saved for one console; the secret never leaves this file except in the Authorization header.</summary>
public sealed record SavedToken(string Token, long? TokenId, string User, DateTimeOffset SavedAt, DateTimeOffset? ExpiresAt);

/// <summary>
/// <c>tokens.json</c> in the config directory: one token per console URL. The directory is created 0700 and the
/// file written 0600 (to a temp file, then renamed, so a crash never leaves half a file or a readable one).
/// </summary>
public sealed class TokenFile(string directory)
{
    public const string FileName = "tokens.json";

    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = PrivateFile | UnixFileMode.UserExecute;

    private static readonly JsonSerializerOptions Json = new(CliJson.Options) { WriteIndented = true };

    public string Path { get; } = System.IO.Path.Combine(directory, FileName);

    /// <summary>True when group or others may read the file (someone widened it after we wrote it).</summary>
    public bool Exposed => !OperatingSystem.IsWindows() && File.Exists(Path) && (File.GetUnixFileMode(Path) & ~PrivateDirectory) != 0;

    public SavedToken? Find(Uri console) => Read().GetValueOrDefault(Key(console));

    public void Save(Uri console, SavedToken token)
    {
        var all = Read();
        all[Key(console)] = token;
        Write(all);
    }

    /// <summary>Forgets the console's token; false when there was none.</summary>
    public bool Remove(Uri console)
    {
        var all = Read();
        if (!all.Remove(Key(console)))
        {
            return false;
        }

        Write(all);
        return true;
    }

    /// <summary>Scheme, host, port and base path: <c>http://localhost:5080</c> and <c>http://LOCALHOST:5080/</c> share a token.</summary>
    public static string Key(Uri console) => console.GetLeftPart(UriPartial.Path).TrimEnd('/');

    private SortedDictionary<string, SavedToken> Read()
    {
        if (!File.Exists(Path))
        {
            return new(StringComparer.Ordinal);
        }

        try
        {
            using var stream = File.OpenRead(Path);
            var content = JsonSerializer.Deserialize<Content>(stream, Json);
            return new(content?.Consoles ?? [], StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new InputFileException($"{Path} is not a token file mapper wrote ({e.Message.Split(" Path:", 2)[0]}); delete it and run `mapper login` again");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"cannot read {Path}: {e.Message}");
        }
    }

    private void Write(SortedDictionary<string, SavedToken> all)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        var temp = Path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, PrivateDirectory);
            }

            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = PrivateFile;
            }

            using (var stream = new FileStream(temp, options))
            {
                JsonSerializer.Serialize(stream, new Content(1, new Dictionary<string, SavedToken>(all, StringComparer.Ordinal)), Json);
            }

            File.Move(temp, Path, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                // The create mode passes through the umask; say 0600 outright.
                File.SetUnixFileMode(Path, PrivateFile);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }

            throw new InputFileException($"cannot write {Path}: {e.Message}");
        }
    }

    private sealed record Content(int Version, Dictionary<string, SavedToken> Consoles);
}
