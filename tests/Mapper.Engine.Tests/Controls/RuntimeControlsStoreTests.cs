using Mapper.Engine.Controls;

namespace Mapper.Engine.Tests.Controls;

public sealed class RuntimeControlsStoreTests
{
    [Fact]
    public void CompareAndSet_CurrentEpoch_SwapsAndNotifiesSubscribers()
    {
        var store = new RuntimeControlsStore(new RuntimeControls());
        RuntimeControls? seenBefore = null, seenAfter = null;
        using var subscription = store.Subscribe((before, after) => (seenBefore, seenAfter) = (before, after));

        var swapped = store.CompareAndSet(0, new RuntimeControls { Epoch = 1, Mode = MappingMode.RulesOnly });

        Assert.True(swapped);
        Assert.Equal(1, store.Current.Epoch);
        Assert.Equal(MappingMode.Hybrid, seenBefore!.Mode);
        Assert.Equal(MappingMode.RulesOnly, seenAfter!.Mode);
    }

    [Fact]
    public void CompareAndSet_StaleEpoch_ChangesNothing()
    {
        var store = new RuntimeControlsStore(new RuntimeControls());
        store.Update(c => c with { GlobalThreshold = 0.7 });

        var swapped = store.CompareAndSet(0, new RuntimeControls { Epoch = 1, Mode = MappingMode.RulesOnly });

        Assert.False(swapped);
        Assert.Equal(MappingMode.Hybrid, store.Current.Mode);
        Assert.Equal(0.7, store.Current.GlobalThreshold);
    }

    [Fact]
    public void Subscribe_ThrowingSubscriber_CannotUndoTheChangeAndOthersStillHear()
    {
        var errors = new List<Exception>();
        var store = new RuntimeControlsStore(new RuntimeControls(), errors.Add);
        var heard = 0;
        using var bad = store.Subscribe((_, _) => throw new InvalidOperationException("subscriber bug"));
        using var good = store.Subscribe((_, _) => heard++);

        store.Update(c => c with { Mode = MappingMode.RulesOnly });

        Assert.Equal(MappingMode.RulesOnly, store.Current.Mode);
        Assert.Equal(1, heard);
        Assert.IsType<InvalidOperationException>(Assert.Single(errors));
    }

    [Fact]
    public void Subscribe_Disposed_HearsNothingMore()
    {
        var store = new RuntimeControlsStore(new RuntimeControls());
        var heard = 0;
        var subscription = store.Subscribe((_, _) => heard++);
        store.Update(c => c with { GlobalThreshold = 0.7 });

        subscription.Dispose();
        store.Update(c => c with { GlobalThreshold = 0.8 });

        Assert.Equal(1, heard);
    }

    [Fact]
    public void Seed_PersistedControls_ReplaceDefaultsButTheEpochNeverGoesBack()
    {
        var store = new RuntimeControlsStore(new RuntimeControls());

        store.Seed(new RuntimeControls { Epoch = 41, Mode = MappingMode.RulesOnly, ActiveAdapter = "a@1.0.0", AdapterRevision = 3 });

        Assert.Equal((41, MappingMode.RulesOnly, "a@1.0.0"), (store.Current.Epoch, store.Current.Mode, store.Current.ActiveAdapter));
        Assert.Throws<ArgumentException>(() => store.Seed(new RuntimeControls { Epoch = 40 }));
        Assert.Equal(42, store.Update(c => c with { GlobalThreshold = 0.5 }).Epoch);
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
            AdapterRevision = 2,
        };

        Assert.Equal(5, RuntimeControlsValidator.Problems(bad).Count);
    }

    [Fact]
    public void ThresholdFor_DetectorOverride_WinsOverGlobal()
    {
        var controls = new RuntimeControls { DetectorThresholds = new RuntimeControls().DetectorThresholds.SetItem("presidio", 0.8) };

        Assert.Equal(0.8, controls.ThresholdFor("presidio"));
        Assert.Equal(0.6, controls.ThresholdFor("regex-pii"));
    }
}
