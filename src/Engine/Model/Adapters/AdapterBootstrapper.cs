using Mapper.Engine.Data;
using Mapper.Engine.Model.Serving;
using Mapper.Engine.Model.Training;
using Mapper.Engine.Quality;
using Microsoft.Extensions.Logging;

namespace Mapper.Engine.Model.Adapters;

/// <summary>How the model path came up.</summary>
public enum BootstrapOutcome
{
    /// <summary>The adapter that served at the last shutdown serves again (same revision).</summary>
    Restored,

    /// <summary>The adapter that served before was refused; an earlier one that served before took its place.</summary>
    RecoveredEarlier,

    /// <summary>Nothing that served before could serve: the newest stored adapter of the configured line was gated in.</summary>
    ActivatedStored,

    /// <summary>The store held nothing usable: the bundled baseline was trained, stored and gated in.</summary>
    TrainedBaseline,
}

/// <summary>What start-up chose to serve, gated but not yet published, and every candidate refused on the way.</summary>
public sealed record BootstrapChoice(GatedAdapter Gated, BootstrapOutcome Outcome, IReadOnlyList<string> Refused)
{
    /// <summary>Restoring changes nothing live; every other outcome is a new activation to record.</summary>
    public bool IsNewActivation => Outcome != BootstrapOutcome.Restored;
}

/// <summary>
/// Gives every start a working adapter without a manual step: what served before, else an earlier adapter
/// that served, else the newest stored version, else the baseline trained from the bundled data with a fixed
/// seed (a few seconds), leak-guarded against the golden sets' evaluation strings. A corrupt or refused
/// adapter is skipped with its reason, never a crash. It chooses and gates; the caller publishes and records.
/// </summary>
public sealed class AdapterBootstrapper(
    AdapterStore store,
    AdapterRegistry registry,
    MappingData data,
    ModelOptions options,
    TimeProvider time,
    ILogger<AdapterBootstrapper> logger)
{
    public const string BaselineVersion = "1.0.0";

    /// <summary>Chooses and gates what should serve; <paramref name="servedBefore"/> holds <c>id@version</c> of adapters that served, the last one first.</summary>
    public BootstrapChoice Choose(IReadOnlyList<string> servedBefore, CancellationToken cancellationToken = default)
    {
        foreach (var path in store.CleanTemporary())
        {
            ModelLog.TemporaryRemoved(logger, path);
        }

        var refused = new List<string>();
        for (var i = 0; i < servedBefore.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryOpen(servedBefore[i], refused) is { } gated)
            {
                return new BootstrapChoice(gated, i == 0 ? BootstrapOutcome.Restored : BootstrapOutcome.RecoveredEarlier, refused);
            }
        }

        // Corrupt folders nobody asked for by name are still worth naming (once).
        refused.AddRange(store.Unreadable().Where(problem => !refused.Any(r => r.Contains(problem, StringComparison.Ordinal))));

        var latest = store.Latest(options.AdapterId);
        if (latest is not null && !servedBefore.Contains(latest.Name, StringComparer.Ordinal) && TryOpen(latest.Name, refused) is { } newest)
        {
            return new BootstrapChoice(newest, BootstrapOutcome.ActivatedStored, refused);
        }

        var trained = TrainNext(cancellationToken);
        return new BootstrapChoice(registry.Open(trained.Id, trained.Version), BootstrapOutcome.TrainedBaseline, refused);
    }

    /// <summary>Trains the next version of the configured line from the bundled data (the baseline recipe) and stores it.</summary>
    public AdapterManifest TrainNext(CancellationToken cancellationToken = default, IProgress<TrainingProgress>? progress = null)
    {
        using var loading = registry.Loading();
        var taken = store.List(options.AdapterId).Select(m => m.Version).ToHashSet(StringComparer.Ordinal);
        var latest = store.Latest(options.AdapterId);
        var version = latest is null ? BaselineVersion : AdapterVersion.NextPatch(latest.Version);
        while (taken.Contains(version) || Directory.Exists(store.DirectoryOf(options.AdapterId, version)))
        {
            version = AdapterVersion.NextPatch(version);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var evaluation = EvaluationStrings.ForLeakGuard(data, options.GoldenDirectory);
        var built = AdapterBuilder.Build(data, options.BaselineTraining, options.AdapterId, version, latest?.Version, time, evaluation, progress, cancellationToken);
        var stored = store.Write(built.Manifest, built.Model);
        ModelLog.BaselineTrained(logger, stored.Name, built.Training.Duration.TotalSeconds, stored.TrainingRows, stored.DroppedByLeakGuard, stored.ModelSizeBytes);
        return stored;
    }

    /// <summary>
    /// For hosts that keep no history (the offline CLI, tests): restore what the read-only registry export
    /// says served, else as <see cref="Choose"/>; then publish it.
    /// </summary>
    public Task<BootstrapOutcome> EnsureActiveAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            var export = RegistryExport.Read(store.Root);
            if (export.Problem is { } problem)
            {
                ModelLog.ExportUnreadable(logger, problem);
            }

            var served = export.Revisions.Reverse().Select(r => r.Adapter).Distinct(StringComparer.Ordinal).ToList();
            var choice = Choose(served, cancellationToken);
            var revision = choice.Outcome == BootstrapOutcome.Restored ? export.Serving!.Revision : (export.Revisions.LastOrDefault()?.Revision ?? 0) + 1;
            registry.Publish(choice.Gated, revision, AdapterRevision.KindBootstrap, choice.Outcome.ToString(), "system", time.GetUtcNow());
            return choice.Outcome;
        }, cancellationToken);

    private GatedAdapter? TryOpen(string name, List<string> refused)
    {
        var at = name.LastIndexOf('@');
        if (at <= 0 || !AdapterVersion.IsValidId(name[..at]) || !AdapterVersion.IsValid(name[(at + 1)..]))
        {
            refused.Add($"{name}: not an adapter id@version");
            return null;
        }

        try
        {
            return registry.Open(name[..at], name[(at + 1)..]);
        }
        catch (AdapterRejectedException e)
        {
            ModelLog.RestoreFailed(logger, name, e.Message);
            refused.Add(e.Message);
            return null;
        }
    }
}
