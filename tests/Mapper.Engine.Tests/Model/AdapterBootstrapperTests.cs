using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Engine.Tests.Model;

public sealed class AdapterBootstrapperTests
{
    [Fact]
    public async Task EnsureActiveAsync_EmptyStoreThenRestart_TrainsBaselineThenRestoresIt()
    {
        using var directory = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;

        await using (var first = Provider(directory))
        {
            var outcome = await first.GetRequiredService<AdapterBootstrapper>().EnsureActiveAsync(ct);
            var scorer = first.GetRequiredService<IModelScorer>();
            var answer = await scorer.PredictAsync([new ModelInput("presidio", "EMAIL_ADDRESS"), new ModelInput("openai-moderation", "hate")], ct);

            Assert.Equal(BootstrapOutcome.TrainedBaseline, outcome);
            Assert.Equal("test-adapter@1.0.0", scorer.ActiveModel);
            Assert.Equal(["PII.Contact.Email", "HARM.SPEECH.Hate.Other"], answer.Predictions.Select(p => p.Label));
            Assert.Equal("test-adapter@1.0.0", answer.Model);
            Assert.Equal(AdapterState.Active, first.GetRequiredService<OnnxModelScorer>().Health.State);
        }

        await using var second = Provider(directory);
        Assert.Equal(BootstrapOutcome.Restored, await second.GetRequiredService<AdapterBootstrapper>().EnsureActiveAsync(ct));
        Assert.Equal("test-adapter@1.0.0", second.GetRequiredService<IModelScorer>().ActiveModel);
        var stored = Assert.Single(second.GetRequiredService<AdapterStore>().List());
        Assert.True(stored.DroppedByLeakGuard > 0, "the baseline must be trained without the golden evaluation strings");
    }

    [Fact]
    public async Task PredictAsync_NoActiveAdapter_ThrowsModelUnavailableAndHealthSaysNone()
    {
        using var directory = new TempDirectory();
        await using var provider = Provider(directory);
        var scorer = provider.GetRequiredService<OnnxModelScorer>();

        await Assert.ThrowsAsync<ModelUnavailableException>(async () => await scorer.PredictAsync([new ModelInput("d", "x")], TestContext.Current.CancellationToken));
        Assert.Equal(AdapterState.None, scorer.Health.State);
        Assert.Null(scorer.ActiveModel);
    }

    private static ServiceProvider Provider(TempDirectory directory) =>
        new ServiceCollection()
            .AddSingleton<MappingData>(BundledData.Load())
            .AddSingleton(new RuntimeControlsStore(new RuntimeControls()))
            .AddModelServices(TestAdapters.Options(directory))
            .BuildServiceProvider();
}
