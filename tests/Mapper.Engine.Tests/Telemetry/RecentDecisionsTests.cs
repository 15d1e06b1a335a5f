using Mapper.Engine.Pipeline;
using Mapper.Engine.Telemetry;

namespace Mapper.Engine.Tests.Telemetry;

public sealed class RecentDecisionsTests
{
    [Fact]
    public void Snapshot_PastCapacity_KeepsNewestOldestFirst()
    {
        var recent = new RecentDecisions(capacity: 3);
        for (var i = 1; i <= 5; i++)
        {
            recent.Add(RecentDecision.From(Decisions.Model(i / 10.0)));
        }

        var held = recent.Snapshot();

        Assert.Equal([0.3, 0.4, 0.5], held.Select(d => d.ModelConfidence!.Value));
    }

    [Fact]
    public void From_FallbackDecision_NamesReason()
    {
        var decision = RecentDecision.From(Decisions.Rules(FallbackReason.LowConfidence));

        Assert.Equal("low_confidence", decision.FallbackReason);
        Assert.Equal("rules", decision.Route);
    }
}
