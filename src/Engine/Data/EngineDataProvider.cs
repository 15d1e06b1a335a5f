namespace Mapper.Engine.Data;

/// <summary>
/// Serves the current <see cref="EngineData"/> and reloads it from disk on demand. A reload that
/// fails validation throws and leaves the current generation serving.
/// </summary>
public sealed class EngineDataProvider
{
    private readonly string _directory;
    private readonly TimeProvider _time;
    private EngineData _current;

    public EngineDataProvider(string directory, TimeProvider time)
    {
        _directory = directory;
        _time = time;
        _current = new EngineData(MappingDataLoader.Load(directory), time.GetUtcNow());
    }

    public EngineData Current => Volatile.Read(ref _current);

    public string Directory => _directory;

    public EngineData Reload()
    {
        var next = new EngineData(MappingDataLoader.Load(_directory), _time.GetUtcNow());
        Volatile.Write(ref _current, next);
        return next;
    }
}
