using Mapper.Engine.Data;

namespace Mapper.Engine.Tests.Data;

public sealed class BundledDataTests
{
    [Fact]
    public void Load_BundledDirectory_HasTheContractCounts()
    {
        var data = BundledData.Load();

        Assert.Equal("2025.09", data.Taxonomy.Version);
        Assert.Equal(50, data.Taxonomy.Count);
        Assert.Equal(12, data.Detectors.Count);
        Assert.Equal(256, data.RuleCount);
        Assert.Equal("v1.0", data.Frameworks.Version);
        Assert.True(File.Exists(Path.Combine(MappingDataLoader.BundledDirectory, MappingDataLoader.SchemaFileName)));
    }
}
