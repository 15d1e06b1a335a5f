namespace Mapper.Engine.Model.Adapters;

/// <summary>Which activation check an adapter failed.</summary>
public enum AdapterRejection
{
    NotFound,
    Unreadable,
    HashMismatch,
    FeaturizerMismatch,
    TaxonomyMismatch,
    LoadFailed,
    SmokeFailed,
}

/// <summary>The activation gate refused an adapter; the adapter that was serving keeps serving.</summary>
public sealed class AdapterRejectedException : Exception
{
    public AdapterRejectedException(string adapter, AdapterRejection reason, string message, Exception? inner = null)
        : base($"Adapter {adapter} refused ({reason}): {message}", inner)
    {
        Adapter = adapter;
        Reason = reason;
    }

    public string Adapter { get; }

    public AdapterRejection Reason { get; }
}

/// <summary>A file of the adapter store (a manifest) is empty, truncated or not what it should be; the message names the file.</summary>
public sealed class AdapterFileException(string path, string problem) : IOException($"{path}: {problem}")
{
    public string FilePath { get; } = path;
}
