namespace Mapper.EndToEnd.Tests.Support;

/// <summary>
/// Tests that change what the whole console does (kill switch, thresholds, adapters) run in this collection: alone,
/// after the parallel ones, so no other test sees their state.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "console state";
}
