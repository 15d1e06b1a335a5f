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
    public async Task EnsureActiveAsync_EmptyStoreThenRestart_TrainsBaselineThenServesItWithoutRetraining()
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
            Assert.Equal(AdapterState.Active, first.GetRequiredService<OnnxModelScorer>().Health.State);
        }

        await using var second = Provider(directory);
        Assert.Equal(BootstrapOutcome.ActivatedStored, await second.GetRequiredService<AdapterBootstrapper>().EnsureActiveAsync(ct));
        Assert.Equal("test-adapter@1.0.0", second.GetRequiredService<IModelScorer>().ActiveModel);
        var stored = Assert.Single(second.GetRequiredService<AdapterStore>().List());
        Assert.True(stored.DroppedByLeakGuard > 0, "the baseline must be trained without the golden evaluation strings");
    }

    [Fact]
    public void Choose_ServedAdapterCorrupt_RecoversTheEarlierOneAndNamesTheFile()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1, TestAdapters.V2);
        var broken = Path.Combine(store.DirectoryOf(TestAdapters.Id, "1.1.0"), AdapterStore.ManifestFileName);
        File.WriteAllText(broken, "");
        using var provider = Provider(directory);

        var choice = provider.GetRequiredService<AdapterBootstrapper>().Choose(["test-adapter@1.1.0", "test-adapter@1.0.0"], TestContext.Current.CancellationToken);

        Assert.Equal(BootstrapOutcome.RecoveredEarlier, choice.Outcome);
        Assert.Equal("test-adapter@1.0.0", choice.Gated.Manifest.Name);
        Assert.Contains(broken, Assert.Single(choice.Refused), StringComparison.Ordinal);
        choice.Gated.Discard();
    }

    [Fact]
    public void Choose_TemporaryLeftovers_AreRemovedBeforeChoosing()
    {
        using var directory = new TempDirectory();
        var store = TestAdapters.StoreWith(directory, TestAdapters.V1);
        var leftover = Path.Combine(store.Root, TestAdapters.Id, DurableFile.TemporaryPrefix + "crashed");
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, AdapterStore.ModelFileName), "half");
        using var provider = Provider(directory);

        var choice = provider.GetRequiredService<AdapterBootstrapper>().Choose([], TestContext.Current.CancellationToken);

        Assert.Equal(BootstrapOutcome.ActivatedStored, choice.Outcome);
        Assert.False(Directory.Exists(leftover));
        choice.Gated.Discard();
    }

    [Fact]
    public async Task EnsureActiveAsync_GarbageRegistryExport_IsIgnoredAndTheStoreStillServes()
    {
        using var directory = new TempDirectory();
        TestAdapters.StoreWith(directory, TestAdapters.V1);
        await File.WriteAllTextAsync(RegistryExport.PathIn(directory.Path), "\u0000\u0001 not json", TestContext.Current.CancellationToken);
        await using var provider = Provider(directory);

        var outcome = await provider.GetRequiredService<AdapterBootstrapper>().EnsureActiveAsync(TestContext.Current.CancellationToken);

        Assert.Equal(BootstrapOutcome.ActivatedStored, outcome);
        Assert.Equal("test-adapter@1.0.0", provider.GetRequiredService<IModelScorer>().ActiveModel);
        Assert.Contains(RegistryExport.PathIn(directory.Path), RegistryExport.Read(directory.Path).Problem, StringComparison.Ordinal);
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
