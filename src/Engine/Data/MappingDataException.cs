namespace Mapper.Engine.Data;

/// <summary>The bundled data is broken. The message names the file, the entry and what is wrong.</summary>
public sealed class MappingDataException(string file, string entry, string problem)
    : Exception($"{file}: {entry}: {problem}")
{
    public string File { get; } = file;

    public string Entry { get; } = entry;

    public string Problem { get; } = problem;
}
