using Mapper.Console.Status;
using Mapper.Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Hosting;

public sealed class EngineStatusSamplerTests
{
    [Fact]
    public async Task Subscribe_TimerTicks_DeliversCurrentStatus()
    {
        await using var factory = new MapperFactory();
        using var client = factory.CreateClient();
        var sampler = factory.Services.GetRequiredService<EngineStatusSampler>();
        var views = new List<EngineStatusView>();
        var subscription = sampler.Subscribe(view =>
        {
            lock (views)
            {
                views.Add(view);
            }

            return Task.CompletedTask;
        });
        using var _ = await client.PostAsync("/map", Http.Ssn);

        await WaitUntilAsync(() =>
        {
            lock (views)
            {
                return views.Any(v => v.Slis.Requests == 1);
            }
        });
        subscription.Dispose();

        EngineStatusView view;
        lock (views)
        {
            view = views.Last();
        }

        Assert.Equal("hybrid", view.Mode);
        Assert.Equal("rules", view.Model);
        Assert.Equal(256, view.Rules.RuleCount);
    }

    /// <summary>Polls with a deadline: the sampler runs on the real clock here (period 2 s).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition was not met within 15 s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
