using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Quality;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Engine.Tests.Quality;

public sealed class QualityRunnerTests
{
    [Fact]
    public async Task RunAsync_RuleRowsInRulesOnly_AllPassAndNothingIsRecorded()
    {
        var recorder = new CountingRecorder();
        var (pipeline, data) = Engine(recorder);
        var rules = GoldenCaseLoader.LoadAll(Path.Combine(MappingDataLoader.BundledDirectory, "golden", "rules"), data.Current.Data.Taxonomy);

        var report = await new QualityRunner(pipeline, data).RunAsync(rules,
            new QualityRunSettings(MappingMode.RulesOnly, QualityEnvironment.Development, "cpu"), TestContext.Current.CancellationToken);

        Assert.Equal(data.Current.Data.RuleCount, report.Total);
        Assert.Equal(100.0, report.PassRatePercent);
        Assert.Equal(0, report.Novel.Cases);
        Assert.Equal(report.Total, report.FallbackReasons["kill_switch"]);
        Assert.Equal(0, recorder.Count);
    }

    private static (MappingPipeline Pipeline, EngineDataProvider Data) Engine(IDecisionRecorder recorder)
    {
        var time = new FakeTimeProvider();
        var data = new EngineDataProvider(MappingDataLoader.BundledDirectory, time);
        var controls = new RuntimeControlsStore(new RuntimeControls());
        return (new MappingPipeline(data, controls, model: null, recorder, time), data);
    }

    private sealed class CountingRecorder : IDecisionRecorder
    {
        public int Count { get; private set; }

        public void Record(MappingDecision decision) => Count++;
    }
}
