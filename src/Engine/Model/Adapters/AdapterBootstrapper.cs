using Mapper.Engine.Data;
using Mapper.Engine.Model.Serving;
using Mapper.Engine.Quality;
using Microsoft.Extensions.Logging;

namespace Mapper.Engine.Model.Adapters;

/// <summary>How the model path came up.</summary>
public enum BootstrapOutcome
{
    /// <summary>The revision active at the last shutdown serves again.</summary>
    Restored,

    /// <summary>The newest stored adapter of the configured line was activated.</summary>
    ActivatedStored,

    /// <summary>The store was empty: the bundled baseline was trained, stored and activated.</summary>
    TrainedBaseline,
}

/// <summary>
/// Gives a fresh install a working adapter without a manual step: restore what served before, else the
/// newest stored version, else train the baseline from the bundled data with a fixed seed (a few seconds),
/// leak-guarded against the golden sets' evaluation strings. Call <see cref="EnsureActiveAsync"/> once at start-up, before serving.
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

    public Task<BootstrapOutcome> EnsureActiveAsync(CancellationToken cancellationToken = default) =>
        Task.Run(EnsureActive, cancellationToken);

    public BootstrapOutcome EnsureActive()
    {
        if (registry.Restore())
        {
            return BootstrapOutcome.Restored;
        }

        var latest = store.Latest(options.AdapterId);
        if (latest is not null)
        {
            try
            {
                registry.Bootstrap(latest.Id, latest.Version, "start-up: newest stored adapter");
                return BootstrapOutcome.ActivatedStored;
            }
            catch (AdapterRejectedException)
            {
                // Already logged by the registry; a freshly trained baseline replaces it below.
            }
        }

        var version = latest is null ? BaselineVersion : AdapterVersion.NextPatch(latest.Version);
        var evaluation = EvaluationStrings.ForLeakGuard(data, options.GoldenDirectory);
        var built = AdapterBuilder.Build(data, options.BaselineTraining, options.AdapterId, version, latest?.Version, time, evaluation);
        var stored = store.Write(built.Manifest, built.Model);
        registry.Bootstrap(stored.Id, stored.Version, "start-up: bundled baseline trained from the bundled data");
        ModelLog.BaselineTrained(logger, stored.Name, built.Training.Duration.TotalSeconds, stored.TrainingRows, stored.DroppedByLeakGuard, stored.ModelSizeBytes);
        return BootstrapOutcome.TrainedBaseline;
    }
}
