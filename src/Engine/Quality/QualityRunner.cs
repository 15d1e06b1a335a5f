using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Rules;

namespace Mapper.Engine.Quality;

/// <summary>What a quality run answers in and is judged against.</summary>
public sealed record QualityRunSettings(MappingMode Mode, QualityEnvironment Environment, string Profile);

/// <summary>
/// Runs golden cases through the real in-process pipeline, one at a time so each latency is its own,
/// with <see cref="MapOptions.RecordInSlis"/> off so a quality run never moves the service's SLIs.
/// </summary>
public sealed class QualityRunner(MappingPipeline pipeline, EngineDataProvider data)
{
    public async Task<QualityReport> RunAsync(
        IReadOnlyList<GoldenCaseFile> files, QualityRunSettings settings, CancellationToken cancellationToken = default)
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
                    decision.RuleTier is { } tier ? MatchTierConfidence.Name(tier) : null));
            }
        }

        return QualityReportBuilder.Build(results, files.Count, engine.Data.Taxonomy.Count, settings.Mode, settings.Environment, settings.Profile);
    }

    /// <summary>A case is novel when any of its labels, compacted, is no rule's raw label (compacted) in any detector.</summary>
    public static bool IsNovel(string output, IReadOnlySet<string> ruleKeys)
    {
        var parts = LabelText.SplitLabels(output);
        return parts.Count == 0 || parts.Any(part => !ruleKeys.Contains(LabelText.Compact(part)));
    }
}
