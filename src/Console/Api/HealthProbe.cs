using Mapper.Console.Actions;
using Mapper.Engine;
using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Serving;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Api;

/// <summary>
/// Real readiness (contract §1 Fix): the rules are loaded, the data directory is writable, and what the
/// model adapter is doing. Hybrid without a model is degraded but ready: the rules serve every request.
/// </summary>
public sealed class HealthProbe(EngineDataProvider data, RuntimeControlsStore controls, EngineOptions engine, TimeProvider time, IServiceProvider services)
{
    /// <summary>How long a writability answer is reused: a health check every second must not write a file every second.</summary>
    public static readonly TimeSpan StoreProbeInterval = TimeSpan.FromSeconds(10);

    private readonly IModelScorer? _model = services.GetService<IModelScorer>();
    private readonly OnnxModelScorer? _onnx = services.GetService<OnnxModelScorer>();
    private readonly ModelStartup? _startup = services.GetService<ModelStartup>();
    private readonly Lock _probeLock = new();
    private (StoreHealth Health, DateTimeOffset At)? _lastProbe;

    public HealthReport Check()
    {
        var current = data.Current;
        var versions = current.Versions;
        var rules = new RulesHealth(versions.RuleCount > 0, versions.Taxonomy, versions.TaxonomyHash, versions.Frameworks,
            versions.Detectors.Count, versions.RuleCount, versions.LoadedAt);
        var mode = controls.Current.Mode;
        var active = _model?.ActiveModel;
        var adapter = _onnx?.Health;
        var model = new ModelReadiness(EngineOptions.ModeName(mode), active ?? MapperTelemetry.NoModel,
            mode == MappingMode.RulesOnly ? "not_used" : AdapterStateName(active, adapter?.State), adapter?.Revision, adapter?.LastError,
            adapter?.QueueLag.TotalSeconds ?? 0, adapter?.QueueLength ?? 0, _startup?.Refused ?? []);
        var store = ProbeStore();

        var ready = rules.Loaded && store.Writable;
        var (status, message) = (ready, mode, active) switch
        {
            (false, _, _) => ("unavailable", rules.Loaded ? "The data directory is not writable." : "No rules are loaded."),
            (true, MappingMode.RulesOnly, _) => ("ready", "rules_only (kill switch): the rules answer every request; the model is not called."),
            (true, _, null) when model.State == "loading" => ("degraded", "hybrid, model adapter loading: the rules answer until it is active (fallback reason no_model)."),
            (true, _, null) => ("degraded", "hybrid without an active model: the rules answer every request (fallback reason no_model)."),
            _ => ("ready", "hybrid: the model answers, the rules back it up."),
        };
        return new HealthReport(status, ready, message, rules, model, store, time.GetUtcNow());
    }

    private static string AdapterStateName(string? active, AdapterState? state) => (active, state) switch
    {
        (not null, _) => "active",
        (null, AdapterState.Loading) => "loading",
        (null, AdapterState.Failed) => "failed",
        _ => "none",
    };

    private StoreHealth ProbeStore()
    {
        var now = time.GetUtcNow();
        lock (_probeLock)
        {
            if (_lastProbe is { } last && now - last.At < StoreProbeInterval)
            {
                return last.Health;
            }
        }

        var health = WriteProbe();
        lock (_probeLock)
        {
            _lastProbe = (health, now);
        }

        return health;
    }

    private StoreHealth WriteProbe()
    {
        var probe = Path.Combine(engine.DataDirectory, $".health-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return new StoreHealth(engine.DataDirectory, true, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new StoreHealth(engine.DataDirectory, false, e.GetType().Name);
        }
    }
}

public sealed record HealthReport(string Status, bool Ready, string Message, RulesHealth Rules, ModelReadiness Model, StoreHealth Store, DateTimeOffset CheckedAt);

public sealed record RulesHealth(bool Loaded, string TaxonomyVersion, string TaxonomyHash, string FrameworksVersion, int Detectors, int RuleCount, DateTimeOffset LoadedAt);

/// <summary>
/// <c>state</c>: <c>active</c>, <c>loading</c> (start-up, e.g. training the baseline), <c>failed</c> (see
/// <c>last_error</c>), <c>none</c> (hybrid, no adapter) or <c>not_used</c> (rules_only). <c>refused_at_start</c>
/// names every adapter file start-up could not serve (corrupt manifest, hash mismatch) and why.
/// </summary>
public sealed record ModelReadiness(
    string Mode, string ActiveModel, string State, int? Revision = null, string? LastError = null, double QueueLagSeconds = 0, int QueueLength = 0,
    IReadOnlyList<string>? RefusedAtStart = null);

public sealed record StoreHealth(string DataDirectory, bool Writable, string? Error);
