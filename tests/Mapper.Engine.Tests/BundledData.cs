using Mapper.Engine.Data;

namespace Mapper.Engine.Tests;

/// <summary>The real bundled data, loaded once for the whole test assembly (it is immutable).</summary>
public static class BundledData
{
    private static readonly Lazy<MappingData> Data = new(() => MappingDataLoader.Load(MappingDataLoader.BundledDirectory));

    public static MappingData Load() => Data.Value;
}
