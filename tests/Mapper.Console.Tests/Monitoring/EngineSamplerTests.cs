using Mapper.Console.Monitoring;
using Mapper.Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Console.Tests.Monitoring;

/// <summary>The one sampler on a fake clock: it ticks with nobody watching, delivers the newest sample, and stops delivering on dispose.</summary>
public sealed class EngineSamplerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sampler_NobodySubscribed_StillSamplesAndFillsTheHistory()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
        await using var factory = new MapperFactory(time: clock);
        var sampler = factory.Services.GetRequiredService<EngineSampler>();
        var history = factory.Services.GetRequiredService<SliHistory>();
        using var client = factory.CreateClient();
        using (await client.PostAsync("/map", Http.Ssn))
        {
        }

        for (var i = 0; i < 25; i++)
        {
            clock.Advance(EngineSampler.Period);
            await Task.Delay(10, Ct);
        }

        await ApiCalls.EventuallyAsync(() => Task.Run(() => Assert.True(history.Recent(SliHistory.MemorySpan).Count >= 2)), TimeSpan.FromSeconds(10));
        // Only the alert evaluator and the escalator listen; no page does, and the sampler samples anyway.
        Assert.Equal(2, sampler.Subscribers);
        Assert.Equal(1, sampler.Latest.Slis.Requests);
    }

    [Fact]
    public async Task Subscribe_TwoTicks_DeliversTheNewestThenNothingAfterDispose()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
        await using var factory = new MapperFactory(time: clock);
        var sampler = factory.Services.GetRequiredService<EngineSampler>();
        var others = sampler.Subscribers;
        var seen = new List<long>();
        var subscription = sampler.Subscribe(sample =>
        {
            lock (seen)
            {
                seen.Add(sample.Sequence);
            }

            return Task.CompletedTask;
        });

        var first = sampler.Tick();
        var second = sampler.Tick();
        await ApiCalls.EventuallyAsync(() => Task.Run(() => Assert.Contains(second.Sequence, Snapshot(seen))), TimeSpan.FromSeconds(10));
        subscription.Dispose();
        sampler.Tick();
        await Task.Delay(200, Ct);

        Assert.True(Snapshot(seen).All(s => s <= second.Sequence));
        Assert.True(first.Sequence < second.Sequence);
        Assert.Equal(others, sampler.Subscribers);
    }

    [Fact]
    public async Task Subscribe_ThrowingSubscriber_KeepsItsSubscriptionAndOthersStillHear()
    {
        await using var factory = new MapperFactory();
        var sampler = factory.Services.GetRequiredService<EngineSampler>();
        var others = sampler.Subscribers;
        var heard = 0;
        using var bad = sampler.Subscribe(_ => throw new InvalidOperationException("page bug"));
        using var good = sampler.Subscribe(_ =>
        {
            Interlocked.Increment(ref heard);
            return Task.CompletedTask;
        });

        sampler.Tick();

        await ApiCalls.EventuallyAsync(() => Task.Run(() => Assert.True(Volatile.Read(ref heard) >= 1)), TimeSpan.FromSeconds(10));
        Assert.Equal(others + 2, sampler.Subscribers);
    }

    private static List<long> Snapshot(List<long> seen)
    {
        lock (seen)
        {
            return [.. seen];
        }
    }
}
