using Mapper.Engine.Controls;

namespace Mapper.Engine.Tests.Controls;

public sealed class RuntimeControlsStoreTests
{
    [Fact]
    public void Update_ValidChange_SwapsSnapshotAndBumpsEpoch()
    {
        var store = new RuntimeControlsStore(new RuntimeControls());
        RuntimeControls? seenBefore = null, seenAfter = null;
        store.Changed += (before, after) => (seenBefore, seenAfter) = (before, after);

        var next = store.Update(c => c with { Mode = MappingMode.RulesOnly });

        Assert.Same(next, store.Current);
        Assert.Equal(1, next.Epoch);
        Assert.Equal(MappingMode.Hybrid, seenBefore!.Mode);
        Assert.Equal(MappingMode.RulesOnly, seenAfter!.Mode);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.01)]
    public void Update_ThresholdOutOfBounds_IsRefusedAndCurrentStays(double threshold)
    {
        var store = new RuntimeControlsStore(new RuntimeControls());

        var error = Assert.Throws<ArgumentException>(() => store.Update(c => c with { GlobalThreshold = threshold }));

        Assert.Contains("threshold", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Current.Epoch);
        Assert.Equal(0.6, store.Current.GlobalThreshold);
    }

    [Fact]
    public void Problems_EveryBadControl_IsReportedAtOnce()
    {
        var bad = new RuntimeControls
        {
            GlobalThreshold = 2,
            ModelTimeBudget = TimeSpan.FromMilliseconds(50),
            MaxBatchSize = 0,
            MaxBatchWait = TimeSpan.FromSeconds(1),
        };

        Assert.Equal(4, RuntimeControlsValidator.Problems(bad).Count);
    }

    [Fact]
    public void ThresholdFor_DetectorOverride_WinsOverGlobal()
    {
        var controls = new RuntimeControls { DetectorThresholds = new RuntimeControls().DetectorThresholds.SetItem("presidio", 0.8) };

        Assert.Equal(0.8, controls.ThresholdFor("presidio"));
        Assert.Equal(0.6, controls.ThresholdFor("regex-pii"));
    }
}
