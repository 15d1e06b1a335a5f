using Mapper.Console.Actions;
using Mapper.Console.Api;
using Mapper.Console.Components.Shared;
using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Pipeline;

namespace Mapper.Console.Playground;

/// <summary>
/// The playground's one service: runs an input through the production pipeline (same guard, model, threshold,
/// validation and fallback) with its SLI recording off, and audits every run through the executor (metadata only).
/// A run whose audit row cannot be written, or that the executor refuses, shows nothing.
/// </summary>
public sealed class PlaygroundService(MappingPipeline pipeline, EngineDataProvider data, ApiOptions options, OperatorExecutor executor)
{
    /// <summary>Every detector the rules know, for the detector field's suggestions; any other name may still be typed.</summary>
    public IReadOnlyList<string> Detectors => [.. data.Current.Data.Detectors.Select(d => d.Detector).Order(StringComparer.Ordinal)];

    public async Task<PlaygroundAnswer> RunAsync(ConsoleUser user, PlaygroundInput input, PlaygroundOverrides overrides, CancellationToken cancellationToken = default)
    {
        if (overrides.Threshold is { } t && !(t is >= 0 and <= 1))
        {
            return PlaygroundAnswer.Refused("threshold: within [0, 1]");
        }

        var (request, problem) = PlaygroundChecks.Check(input, options);
        if (request is null)
        {
            return PlaygroundAnswer.Refused(problem!);
        }

        MappingOutcome outcome;
        try
        {
            outcome = await pipeline.MapAsync(request, overrides.ToMapOptions(), cancellationToken);
        }
        catch (ModelOverloadedException)
        {
            return PlaygroundAnswer.Refused("the model is saturated (its queue is full); retry shortly");
        }

        var d = outcome.Decision;
        var record = new RecordPlaygroundRun(
            d.Detector, d.Route, d.FallbackReason is { } r ? FallbackReasons.Name(r) : null, d.Labels, d.Confidence, d.ModelLabels, d.ModelConfidence, d.Threshold, overrides.Text);
        var audited = await executor.RunAsync(user.Actor(), record, cancellationToken);
        return audited.Succeeded
            ? new PlaygroundAnswer(new PlaygroundRun(request, outcome, overrides, audited.AuditId), null)
            : PlaygroundAnswer.Refused(audited.Message);
    }
}
