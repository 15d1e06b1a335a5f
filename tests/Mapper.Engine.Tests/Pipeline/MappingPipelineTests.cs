using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Taxonomy;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Engine.Tests.Pipeline;

public sealed class MappingPipelineTests
{
    private static readonly MapRequest Ssn = new("presidio", "US_SSN", "tenant-1");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeModelScorer _model = new();
    private readonly ListRecorder _recorder = new();
    private readonly RuntimeControlsStore _controls = new(new RuntimeControls());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MappingPipeline Pipeline(IModelScorer? model) =>
        new(new EngineDataProvider(MappingDataLoader.BundledDirectory, _time), _controls, model, _recorder, _time);

    [Fact]
    public async Task MapAsync_ConfidentValidModel_AnswersFromModel()
    {
        var outcome = await Pipeline(_model).MapAsync(Ssn, null, Ct);

        Assert.Equal("model", outcome.Decision.Route);
        Assert.Null(outcome.Decision.FallbackReason);
        Assert.Equal(["PII.Identifier.SSN"], outcome.Event.Taxonomy);
        Assert.Equal(0.97, outcome.Event.Confidence);
        Assert.Equal("fake-adapter@1.0.0", outcome.Event.VersionInfo.Model);
        Assert.Equal("model", outcome.Event.Provenance.Route);
        Assert.Equal(true, outcome.Decision.ModelOutputValid);
    }

    [Fact]
    public async Task MapAsync_RulesOnly_NeverCallsModelAndSaysKillSwitch()
    {
        _controls.Update(c => c with { Mode = MappingMode.RulesOnly });

        var outcome = await Pipeline(_model).MapAsync(Ssn, null, Ct);

        Assert.Equal(0, _model.Calls);
        AssertRulesAnswer(outcome, FallbackReason.KillSwitch);
        Assert.Equal("rules", outcome.Event.VersionInfo.Model);
    }

    [Fact]
    public async Task MapAsync_HybridWithoutAdapter_FallsBackWithNoModel()
    {
        _model.ActiveModel = null;

        AssertRulesAnswer(await Pipeline(_model).MapAsync(Ssn, null, Ct), FallbackReason.NoModel);
        AssertRulesAnswer(await Pipeline(null).MapAsync(Ssn, null, Ct), FallbackReason.NoModel);
    }

    [Fact]
    public async Task MapAsync_ModelBelowThreshold_FallsBackWithLowConfidence()
    {
        _model.Answer = _ => new ModelPrediction("PII.Identifier.SSN", 0.59);

        var outcome = await Pipeline(_model).MapAsync(Ssn, null, Ct);

        AssertRulesAnswer(outcome, FallbackReason.LowConfidence);
        Assert.Equal(0.59, outcome.Decision.ModelConfidence);
    }

    [Fact]
    public async Task MapAsync_ModelBelowThreshold_DecisionCarriesTheModelsOwnLabels()
    {
        _model.Answer = _ => new ModelPrediction("PII.Contact.Email", 0.41);

        var outcome = await Pipeline(_model).MapAsync(Ssn, null, Ct);

        Assert.Equal(["PII.Identifier.SSN"], outcome.Event.Taxonomy);
        Assert.Equal(["PII.Contact.Email"], outcome.Decision.ModelLabels);
        Assert.Equal(0.41, outcome.Decision.ModelConfidence);
    }

    [Fact]
    public async Task MapAsync_ModelAnswerInvalidOrAbsent_ModelLabelsAsAnsweredOrNull()
    {
        _model.Answer = _ => new ModelPrediction("PII.Identifier.Fingerprint", 0.99);
        var invalid = await Pipeline(_model).MapAsync(Ssn, null, Ct);
        _model.Throw = new InvalidOperationException("session broken");
        var failed = await Pipeline(_model).MapAsync(Ssn, null, Ct);
        var rulesOnly = await Pipeline(_model).MapAsync(Ssn, new MapOptions { ModeOverride = MappingMode.RulesOnly }, Ct);

        Assert.Equal(["PII.Identifier.Fingerprint"], invalid.Decision.ModelLabels);
        Assert.Null(failed.Decision.ModelLabels);
        Assert.Null(rulesOnly.Decision.ModelLabels);
    }

    [Fact]
    public async Task MapAsync_DetectorThresholdOverride_AppliesToThatDetectorOnly()
    {
        _model.Answer = _ => new ModelPrediction("PII.Identifier.SSN", 0.7);
        _controls.Update(c => c with { DetectorThresholds = c.DetectorThresholds.SetItem("presidio", 0.8) });

        var presidio = await Pipeline(_model).MapAsync(Ssn, null, Ct);
        var regex = await Pipeline(_model).MapAsync(new MapRequest("regex-pii", "ssn"), null, Ct);

        AssertRulesAnswer(presidio, FallbackReason.LowConfidence);
        Assert.Equal(0.8, presidio.Decision.Threshold);
        Assert.Equal("model", regex.Decision.Route);
    }

    [Fact]
    public async Task MapAsync_ModelLabelOutsideTaxonomy_FallsBackWithSchemaInvalid()
    {
        _model.Answer = _ => new ModelPrediction("PII.Identifier.Fingerprint", 0.99);

        var outcome = await Pipeline(_model).MapAsync(Ssn, null, Ct);

        AssertRulesAnswer(outcome, FallbackReason.SchemaInvalid);
        Assert.Equal(false, outcome.Decision.ModelOutputValid);
        Assert.Contains(outcome.Decision.ValidationErrors, e => e.Contains("PII.Identifier.Fingerprint not in taxonomy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MapAsync_ModelThrows_FallsBackWithModelError()
    {
        _model.Throw = new InvalidOperationException("session broken");

        AssertRulesAnswer(await Pipeline(_model).MapAsync(Ssn, null, Ct), FallbackReason.ModelError);
    }

    [Fact]
    public async Task MapAsync_ModelOverloaded_ShedsInsteadOfFallingBack()
    {
        _model.Throw = new ModelOverloadedException("queue full");

        await Assert.ThrowsAsync<ModelOverloadedException>(() => Pipeline(_model).MapAsync(Ssn, null, Ct));
    }

    [Fact]
    public async Task MapAsync_ModelOverTimeBudget_FallsBackWithModelTimeout()
    {
        _model.Hang = true;
        var pending = Pipeline(_model).MapAsync(Ssn, null, Ct);

        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(2));

        AssertRulesAnswer(await pending.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken), FallbackReason.ModelTimeout);
    }

    [Fact]
    public async Task MapAsync_ModelSaysUnknown_FallsBackWithLowConfidence()
    {
        _model.Answer = _ => new ModelPrediction(WellKnownLabels.Unknown, 0.99);

        AssertRulesAnswer(await Pipeline(_model).MapAsync(Ssn, null, Ct), FallbackReason.LowConfidence);
    }

    [Fact]
    public async Task MapAsync_PipeJoinedOutput_ModelAnswersEveryPart()
    {
        _model.Answer = input => new ModelPrediction(input.RawLabel == "toxic" ? "HARM.SPEECH.Toxicity" : "PII.Other", input.RawLabel == "toxic" ? 0.9 : 0.8);

        var outcome = await Pipeline(_model).MapAsync(new MapRequest("nvidia-nemo-guardrails", "toxic|pii_detected"), null, Ct);

        Assert.Equal(["HARM.SPEECH.Toxicity", "PII.Other"], outcome.Event.Taxonomy);
        Assert.Equal(0.8, outcome.Event.Confidence);
    }

    [Fact]
    public async Task MapAsync_EachRequest_IsRecordedOnceAndPlaygroundNotAtAll()
    {
        _model.Answer = _ => new ModelPrediction("PII.Identifier.SSN", 0.1);
        var pipeline = Pipeline(_model);

        await pipeline.MapAsync(Ssn, null, Ct);
        await pipeline.MapAsync(Ssn, new MapOptions { RecordInSlis = false }, Ct);

        var decision = Assert.Single(_recorder.Decisions);
        Assert.Equal(FallbackReason.LowConfidence, decision.FallbackReason);
    }

    [Fact]
    public async Task MapAsync_Overrides_ApplyToThatCallOnly()
    {
        var pipeline = Pipeline(_model);

        var rules = await pipeline.MapAsync(Ssn, new MapOptions { ModeOverride = MappingMode.RulesOnly }, Ct);
        var strict = await pipeline.MapAsync(Ssn, new MapOptions { ThresholdOverride = 0.99 }, Ct);
        var normal = await pipeline.MapAsync(Ssn, null, Ct);

        AssertRulesAnswer(rules, FallbackReason.KillSwitch);
        AssertRulesAnswer(strict, FallbackReason.LowConfidence);
        Assert.Equal("model", normal.Decision.Route);
    }

    [Fact]
    public async Task MapAsync_UnknownDetector_IsCountedAsUnknownButNamedInProvenance()
    {
        var outcome = await Pipeline(null).MapAsync(new MapRequest("Acme-PII-Scanner", "EMAIL_ADDRESS"), null, Ct);

        Assert.Equal(MappingPipeline.UnknownDetector, outcome.Decision.Detector);
        Assert.False(outcome.Decision.DetectorKnown);
        Assert.Equal("Acme-PII-Scanner", outcome.Event.Provenance.Detector);
        Assert.Equal(["PII.Contact.Email"], outcome.Event.Taxonomy);
    }

    [Fact]
    public async Task MapAsync_Answer_CarriesVersionsProvenanceAndNoRawOutput()
    {
        var outcome = await Pipeline(null).MapAsync(new MapRequest("presidio", "US_SSN", "tenant-1"), null, Ct);

        Assert.Equal(new VersionInfo("2025.09", "v1.0", "rules"), outcome.Event.VersionInfo);
        Assert.Equal("microsoft", outcome.Event.Provenance.Vendor);
        Assert.Equal("v1", outcome.Event.Provenance.DetectorVersion);
        Assert.Equal("tenant-1", outcome.Event.Provenance.TenantId);
        Assert.Equal(_time.GetUtcNow(), outcome.Event.Provenance.Ts);
        Assert.DoesNotContain("US_SSN", outcome.Event.Notes, StringComparison.Ordinal);
    }

    private static void AssertRulesAnswer(MappingOutcome outcome, FallbackReason reason)
    {
        Assert.Equal("rules", outcome.Decision.Route);
        Assert.Equal(reason, outcome.Decision.FallbackReason);
        Assert.Equal("rules", outcome.Event.Provenance.Route);
        Assert.Contains($"reason={FallbackReasons.Name(reason)}", outcome.Event.Notes, StringComparison.Ordinal);
    }
}
