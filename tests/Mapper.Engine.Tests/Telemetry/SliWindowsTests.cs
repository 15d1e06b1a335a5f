using Mapper.Engine.Pipeline;
using Mapper.Engine.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Engine.Tests.Telemetry;

public sealed class SliWindowsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private SliWindows Windows() => new(_time, TimeSpan.FromMinutes(5));

    [Fact]
    public void Snapshot_NoData_ReportsNullsNotZeros()
    {
        var snapshot = Windows().Snapshot(TimeSpan.Zero);

        Assert.Equal(0, snapshot.Requests);
        Assert.Equal(0, snapshot.FallbackPercentage);
        Assert.Null(snapshot.SchemaValidPercentage);
        Assert.Null(snapshot.P95LatencySeconds);
        Assert.Null(snapshot.Http5xxPercentage);
        Assert.Empty(snapshot.FallbacksByReason);
    }

    [Fact]
    public void Snapshot_RulesOnlyTraffic_SchemaValidStaysNull()
    {
        var windows = Windows();
        windows.RecordDecision(Decisions.Rules(FallbackReason.KillSwitch));

        var snapshot = windows.Snapshot(TimeSpan.Zero);

        Assert.Null(snapshot.SchemaValidPercentage);
        Assert.Equal(100, snapshot.FallbackPercentage);
        Assert.Equal(1, snapshot.FallbacksByReason["kill_switch"]);
    }

    [Fact]
    public void Snapshot_MixedTraffic_CountsFallbacksAndValidity()
    {
        var windows = Windows();
        windows.RecordDecision(Decisions.Model(0.9));
        windows.RecordDecision(Decisions.Model(0.9));
        windows.RecordDecision(Decisions.Model(0.9));
        windows.RecordDecision(Decisions.Rules(FallbackReason.SchemaInvalid) with { ModelOutputValid = false });

        var snapshot = windows.Snapshot(TimeSpan.Zero);

        Assert.Equal(4, snapshot.Requests);
        Assert.Equal(25, snapshot.FallbackPercentage);
        Assert.Equal(75, snapshot.SchemaValidPercentage);
    }

    [Fact]
    public void Snapshot_AfterWindowPasses_OldBucketsRollOff()
    {
        var windows = Windows();
        windows.RecordDecision(Decisions.Rules(FallbackReason.NoModel));
        _time.Advance(TimeSpan.FromMinutes(3));
        windows.RecordDecision(Decisions.Model(0.9));

        Assert.Equal(2, windows.Snapshot(TimeSpan.Zero).Requests);

        _time.Advance(TimeSpan.FromMinutes(2.5));
        var later = windows.Snapshot(TimeSpan.Zero);
        Assert.Equal(1, later.Requests);
        Assert.Equal(0, later.FallbackPercentage);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, windows.Snapshot(TimeSpan.Zero).Requests);
    }

    [Fact]
    public void Snapshot_HundredLatencies_P95WithinTenPercent()
    {
        var windows = Windows();
        for (var ms = 1; ms <= 100; ms++)
        {
            windows.RecordDecision(Decisions.Rules(FallbackReason.NoModel, seconds: ms / 1000.0));
        }

        var p95 = windows.Snapshot(TimeSpan.Zero).P95LatencySeconds;

        Assert.NotNull(p95);
        Assert.InRange(p95.Value, 0.095, 0.095 * 1.1);
    }

    [Fact]
    public void Snapshot_Http5xx_SharesOfResponses()
    {
        var windows = Windows();
        for (var i = 0; i < 99; i++)
        {
            windows.RecordHttpResponse(200);
        }

        windows.RecordHttpResponse(500);

        var snapshot = windows.Snapshot(TimeSpan.Zero);
        Assert.Equal(1, snapshot.Http5xxPercentage);
        Assert.Equal(1, snapshot.Http5xx);
    }

    [Fact]
    public void Snapshot_QueueLag_KeepsMaxOverWindow()
    {
        var windows = Windows();
        windows.Snapshot(TimeSpan.FromSeconds(40));
        _time.Advance(TimeSpan.FromMinutes(1));

        var snapshot = windows.Snapshot(TimeSpan.FromSeconds(1));

        Assert.Equal(1, snapshot.QueueLagSeconds);
        Assert.Equal(40, snapshot.MaxQueueLagSeconds);
    }
}
