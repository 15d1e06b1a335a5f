using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Training;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Rules;

namespace Mapper.Engine.Quality;

/// <summary>What a quality run answers in and is judged against.</summary>
public sealed record QualityRunSettings(MappingMode Mode, QualityEnvironment Environment, string Profile);

/// <summary>
/// Runs golden cases through the real in-process pipeline, one at a time so each latency is its own,
/// with <see cref="MapOptions.RecordInSlis"/> off so a quality run never moves the service's SLIs. In hybrid
/// mode with a <paramref name="model"/>, each case is also put to the model directly, because a decision that
/// fell back carries the model's confidence but not its labels, and calibration needs both.
/// </summary>
public sealed class QualityRunner(MappingPipeline pipeline, EngineDataProvider data, IModelScorer? model = null)
{
    public Task<QualityReport> RunAsync(
        IReadOnlyList<GoldenCaseFile> files, QualityRunSettings settings, CancellationToken cancellationToken = default) =>
        RunAsync(files, settings, progress: null, cancellationToken);

    /// <summary>Runs the cases as the overload without progress does, telling <paramref name="progress"/> the number of cases done after each one (the console's progress bar).</summary>
    public async Task<QualityReport> RunAsync(
        IReadOnlyList<GoldenCaseFile> files, QualityRunSettings settings, IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        var engine = data.Current;
        var ruleKeys = engine.Data.Detectors.SelectMany(d => d.Rules).Select(r => LabelText.Compact(r.RawLabel))
            .ToHashSet(StringComparer.Ordinal);
        var options = new MapOptions { ModeOverride = settings.Mode, RecordInSlis = false };
        var results = new List<CaseResult>();
        foreach (var file in files)
        {
            for (var i = 0; i < file.Cases.Count; i++)
            {
                var golden = file.Cases[i];
                var outcome = await pipeline.MapAsync(new MapRequest(golden.Detector, golden.InputOutput), options, cancellationToken)
                    .ConfigureAwait(false);
                var decision = outcome.Decision;
                var verdict = settings.Mode == MappingMode.Hybrid && model?.ActiveModel is not null
                    ? await AskModelAsync(engine, golden, decision.Threshold, cancellationToken).ConfigureAwait(false)
                    : null;
                results.Add(new CaseResult(
                    file.Name,
                    i,
                    golden,
                    engine.Rules.Detectors.Resolve(golden.Detector) ?? golden.Detector,
                    outcome.Event.Taxonomy,
                    outcome.Event.Confidence,
                    IsNovel(golden.InputOutput, ruleKeys),
                    decision.FallbackReason is { } reason ? FallbackReasons.Name(reason) : null,
                    decision.ModelOutputValid,
                    decision.Duration.TotalMilliseconds,
                    decision.RuleTier is { } tier ? MatchTierConfidence.Name(tier) : null,
                    verdict));
                progress?.Report(results.Count);
            }
        }

        return QualityReportBuilder.Build(results, files.Count, engine.Data.Taxonomy.Count, settings.Mode, settings.Environment, settings.Profile);
    }

    /// <summary>The model's own answer, asked exactly as the pipeline asks it (canonical detector, pipe-parts).</summary>
    private async Task<ModelVerdict> AskModelAsync(EngineData engine, GoldenCase golden, double threshold, CancellationToken cancellationToken)
    {
        var detector = engine.Rules.Detectors.Resolve(golden.Detector) ?? golden.Detector;
        var inputs = Evaluation.Parts(golden.InputOutput).Select(part => new ModelInput(detector, part)).ToList();
        var answer = await model!.PredictAsync(inputs, cancellationToken).ConfigureAwait(false);
        var (labels, confidence) = Evaluation.Fold(answer.Predictions, 0, answer.Predictions.Count);
        return new ModelVerdict(labels, confidence, labels.ToHashSet(StringComparer.Ordinal).SetEquals(golden.ExpectedTaxonomy), threshold);
    }

    /// <summary>A case is novel when any of its labels, compacted, is no rule's raw label (compacted) in any detector.</summary>
    public static bool IsNovel(string output, IReadOnlySet<string> ruleKeys)
    {
        var parts = LabelText.SplitLabels(output);
        return parts.Count == 0 || parts.Any(part => !ruleKeys.Contains(LabelText.Compact(part)));
    }
}
