namespace Mapper.Engine.Model.Adapters;

/// <summary>Writes that survive a crash: a temp file beside the target, flushed to disk, then renamed over it.</summary>
public static class DurableFile
{
    /// <summary>Prefix of every temp name, so start-up can clean what a crash left behind.</summary>
    public const string TemporaryPrefix = ".tmp-";

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, TemporaryPrefix + Path.GetFileName(path) + "-" + Guid.NewGuid().ToString("N"));
        try
        {
            Write(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Creates <paramref name="path"/> with <paramref name="bytes"/> and flushes it through to the disk before returning.</summary>
    public static void Write(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }
}
