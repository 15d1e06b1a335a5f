using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Rules;
using Mapper.Engine.Versions;

namespace Mapper.Engine.Pipeline;

/// <summary>
/// The mapping decision of contract §5. Hybrid: the model answers when its answer is valid and
/// confident enough, otherwise the rules answer with exactly one fallback reason. Rules-only: the
/// model is never called. Every answer is validated before it leaves.
/// </summary>
public sealed class MappingPipeline(
    EngineDataProvider data,
    RuntimeControlsStore controls,
    IModelScorer? model,
    IDecisionRecorder recorder,
    TimeProvider time,
    IDrillFaults? drills = null)
{
    public const string UnknownDetector = "unknown";

    public async Task<MappingOutcome> MapAsync(MapRequest request, MapOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= MapOptions.Default;
        var started = time.GetTimestamp();
        var engine = data.Current;
        var settings = controls.Current;
        var canonical = engine.Rules.Detectors.Resolve(request.Detector);
        var detector = canonical ?? UnknownDetector;
        var threshold = options.ThresholdOverride ?? settings.ThresholdFor(detector);
        var context = new RequestContext(request, engine, canonical, detector, threshold);

        var outcome = (options.ModeOverride ?? settings.Mode) == MappingMode.RulesOnly
            ? Rules(context, FallbackReason.KillSwitch, modelAttempt: null)
            : await HybridAsync(context, settings.ModelTimeBudget, options.RecordInSlis ? drills?.Active : null, cancellationToken).ConfigureAwait(false);

        var decision = outcome.Decision with { Duration = time.GetElapsedTime(started) };
        if (options.RecordInSlis)
        {
            recorder.Record(decision);
        }

        return outcome with { Decision = decision };
    }

    private async Task<MappingOutcome> HybridAsync(RequestContext context, TimeSpan budget, DrillFault? fault, CancellationToken cancellationToken)
    {
        if (model?.ActiveModel is null)
        {
            return Rules(context, FallbackReason.NoModel, modelAttempt: null);
        }

        var inputs = LabelText.ModelParts(context.Request.Output)
            .Select(part => new ModelInput(context.Canonical ?? context.Request.Detector, part))
            .ToList();

        var modelStarted = time.GetTimestamp();
        ModelAnswer answer;
        using (var timeout = new CancellationTokenSource(budget, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken))
        {
            try
            {
                answer = fault is null
                    ? await model.PredictAsync(inputs, linked.Token).ConfigureAwait(false)
                    : await DrillAsync(fault.Value, inputs, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Rules(context, FallbackReason.ModelTimeout, new ModelAttempt(null, null, null, time.GetElapsedTime(modelStarted), []));
            }
            catch (Exception e) when (e is not OperationCanceledException and not ModelOverloadedException)
            {
                return Rules(context, FallbackReason.ModelError, new ModelAttempt(null, null, null, time.GetElapsedTime(modelStarted), []));
            }
        }

        var modelElapsed = time.GetElapsedTime(modelStarted);
        var (labels, scores, confidence) = ModelAnswerBuilder.Build(answer.Predictions);
        var modelEvent = BuildEvent(context, labels, scores, confidence, route: "model", answer.Model, notes: null);
        var errors = context.Engine.Validator.Validate(modelEvent);
        if (errors.Count > 0)
        {
            return Rules(context, FallbackReason.SchemaInvalid, new ModelAttempt(confidence, labels, false, modelElapsed, errors));
        }

        if (confidence < context.Threshold)
        {
            return Rules(context, FallbackReason.LowConfidence, new ModelAttempt(confidence, labels, true, modelElapsed, []));
        }

        var notes = $"route=model; confidence {confidence:0.000} >= threshold {context.Threshold:0.00}";
        return new MappingOutcome(
            modelEvent with { Notes = notes },
            Decision(context, "model", null, null, new ModelAttempt(confidence, labels, true, modelElapsed, []), labels, confidence, answer.Model));
    }

    /// <summary>The model call as a drill bends it; only reached while a drill runs, for requests that count.</summary>
    private async Task<ModelAnswer> DrillAsync(DrillFault fault, IReadOnlyList<ModelInput> inputs, CancellationToken cancellationToken)
    {
        switch (fault)
        {
            case DrillFault.ModelError:
                throw new InvalidOperationException("drill: injected model error");
            case DrillFault.QueueStall:
                await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken).ConfigureAwait(false);
                throw new OperationCanceledException(cancellationToken);
            case DrillFault.Latency:
                await Task.Delay(drills!.ExtraLatency, time, cancellationToken).ConfigureAwait(false);
                return await model!.PredictAsync(inputs, cancellationToken).ConfigureAwait(false);
            default:
                var answer = await model!.PredictAsync(inputs, cancellationToken).ConfigureAwait(false);
                return answer with { Predictions = [.. answer.Predictions.Select(p => p with { Label = DrillLabels.OutsideTaxonomy })] };
        }
    }

    private MappingOutcome Rules(RequestContext context, FallbackReason reason, ModelAttempt? modelAttempt)
    {
        var answer = context.Engine.Rules.Map(context.Canonical, context.Request.Output);
        var unmatched = answer.UnmatchedParts > 0 && answer.Parts.Count > 1 ? $"; {answer.UnmatchedParts} of {answer.Parts.Count} labels unmatched" : "";
        var notes = $"route=rules; reason={FallbackReasons.Name(reason)}; tier={MatchTierConfidence.Name(answer.Tier)}{unmatched}";
        var canonicalEvent = BuildEvent(context, answer.Labels, answer.Scores, answer.Confidence, "rules", VersionSnapshot.RulesModel, notes);
        var errors = context.Engine.Validator.Validate(canonicalEvent);
        if (errors.Count > 0)
        {
            // The rule tables are validated at load, so this is a defect in the engine, not in the request.
            throw new InvalidOperationException($"The rules produced an invalid event: {string.Join("; ", errors)}");
        }

        return new MappingOutcome(
            canonicalEvent,
            Decision(context, "rules", reason, answer.Tier, modelAttempt, answer.Labels, answer.Confidence, VersionSnapshot.RulesModel));
    }

    private CanonicalEvent BuildEvent(
        RequestContext context, IReadOnlyList<string> labels, IReadOnlyDictionary<string, double> scores,
        double confidence, string route, string modelName, string? notes)
    {
        var rules = context.Canonical is null ? null : context.Engine.DetectorsByName[context.Canonical];
        var versions = context.Engine.Versions;
        return new CanonicalEvent
        {
            Taxonomy = labels,
            Scores = scores,
            Confidence = confidence,
            Notes = notes,
            Provenance = new EventProvenance
            {
                Vendor = rules?.Vendor,
                Detector = context.Canonical ?? context.Request.Detector,
                DetectorVersion = rules?.Version,
                Route = route,
                Model = modelName,
                TenantId = context.Request.TenantId,
                Ts = time.GetUtcNow(),
            },
            PolicyContext = context.Request.PolicyContext,
            VersionInfo = new VersionInfo(versions.Taxonomy, versions.Frameworks, modelName),
        };
    }

    private MappingDecision Decision(
        RequestContext context, string route, FallbackReason? reason, MatchTier? tier, ModelAttempt? attempt,
        IReadOnlyList<string> labels, double confidence, string modelName) => new()
        {
            Detector = context.Detector,
            DetectorKnown = context.Canonical is not null,
            Route = route,
            FallbackReason = reason,
            RuleTier = tier,
            ModelConfidence = attempt?.Confidence,
            ModelLabels = attempt?.Labels,
            ModelOutputValid = attempt?.Valid,
            ModelDuration = attempt?.Duration,
            ValidationErrors = attempt?.Errors ?? [],
            Threshold = context.Threshold,
            Labels = labels,
            Confidence = confidence,
            Model = modelName,
            Duration = TimeSpan.Zero,
            At = time.GetUtcNow(),
        };

    private sealed record RequestContext(MapRequest Request, EngineData Engine, string? Canonical, string Detector, double Threshold);

    private sealed record ModelAttempt(double? Confidence, IReadOnlyList<string>? Labels, bool? Valid, TimeSpan Duration, IReadOnlyList<string> Errors);
}
