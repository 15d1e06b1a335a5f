using Mapper.Engine.Pipeline;
using Prometheus;

namespace Mapper.Engine.Telemetry;

/// <summary>
/// The one owner of the mapper's metrics. Decisions come in through <see cref="Record"/> (the pipeline),
/// HTTP-level events through the other Record methods (the API). The window gauges and service info are
/// refreshed from <see cref="SliWindows"/> before every scrape, so <c>/metrics</c>, the summary and the
/// console read one source of truth.
/// </summary>
public sealed class MapperTelemetry : IDecisionRecorder
{
    public const string NoModel = "none";

    private readonly MapperCollectors _collectors;
    private readonly SliWindows _windows;
    private readonly RecentDecisions _recent;
    private readonly string _version;
    private readonly Func<string> _taxonomyVersion;
    private readonly Lock _infoLock = new();
    private Func<TimeSpan> _queueLag = () => TimeSpan.Zero;
    private Func<string?> _activeModel = () => null;
    private Func<bool> _rulesOnly = () => false;
    private Func<(long Hits, long Misses)> _cacheLookups = () => (0, 0);
    private string[]? _infoLabels;

    public MapperTelemetry(CollectorRegistry registry, SliWindows windows, RecentDecisions recent, DecisionStats decisions, string version, Func<string> taxonomyVersion)
    {
        _collectors = new MapperCollectors(registry);
        _windows = windows;
        _recent = recent;
        Decisions = decisions;
        _version = version;
        _taxonomyVersion = taxonomyVersion;
        registry.AddBeforeCollectCallback(Refresh);
        Refresh();
    }

    public SliWindows Windows => _windows;

    public RecentDecisions Recent => _recent;

    /// <summary>Per-detector minute counts with the model's confidence histogram: the overview's table and the threshold what-if.</summary>
    public DecisionStats Decisions { get; }

    /// <summary>The model side supplies the age of the oldest queued item; until then the lag reads 0.</summary>
    public void UseQueueLag(Func<TimeSpan> source) => Volatile.Write(ref _queueLag, source);

    /// <summary>The model side supplies the active adapter (<c>id@version</c>, or null for none) for service info.</summary>
    public void UseActiveModel(Func<string?> source) => Volatile.Write(ref _activeModel, source);

    /// <summary>The controls supply whether rules-only (the kill switch) is on, for <c>mapper_rules_only</c>.</summary>
    public void UseRulesOnly(Func<bool> source) => Volatile.Write(ref _rulesOnly, source);

    /// <summary>The model side supplies its cache lookups so far (monotonic), for <c>mapper_model_cache_lookups_total</c>.</summary>
    public void UseModelCache(Func<(long Hits, long Misses)> source) => Volatile.Write(ref _cacheLookups, source);

    public TimeSpan QueueLag => Volatile.Read(ref _queueLag)();

    public string ActiveModel => Volatile.Read(ref _activeModel)() ?? NoModel;

    /// <summary>One mapped item: counters, histograms, SLI windows and the recent-decisions ring.</summary>
    public void Record(MappingDecision decision)
    {
        var detector = decision.Detector;
        _collectors.Requests.WithLabels(detector, "success").Inc();
        _collectors.Duration.WithLabels(detector).Observe(decision.Duration.TotalSeconds);
        if (decision.FallbackReason is { } reason)
        {
            _collectors.Fallbacks.WithLabels(detector, FallbackReasons.Name(reason)).Inc();
        }

        if (decision.ModelOutputValid is { } valid)
        {
            _collectors.SchemaValidation.WithLabels(detector, valid ? "true" : "false").Inc();
        }

        if (decision.ModelConfidence is { } confidence)
        {
            _collectors.Confidence.WithLabels(detector).Observe(confidence);
        }

        if (decision.Route == "model")
        {
            _collectors.ModelSuccess.WithLabels(detector).Inc();
        }

        _windows.RecordDecision(decision);
        Decisions.Record(decision);
        _recent.Add(RecentDecision.From(decision));
    }

    /// <summary>An item refused before mapping (e.g. a batch item that failed validation). <paramref name="detector"/> must be a bounded label: canonical name or "unknown".</summary>
    public void RecordItemError(string detector) => _collectors.Requests.WithLabels(detector, "error").Inc();

    public void RecordError(string errorCode) => _collectors.Errors.WithLabels(errorCode).Inc();

    public void RecordPayloadRejected(string reason) => _collectors.PayloadRejected.WithLabels(reason).Inc();

    public void RecordDeprecated(string type) => _collectors.Deprecated.WithLabels(type).Inc();

    public void RecordBatchSize(int items) => _collectors.BatchSize.Observe(items);

    /// <summary>A response of a mapping endpoint; 5xx ones count against the error-rate SLI.</summary>
    public void RecordHttpResponse(int statusCode) => _windows.RecordHttpResponse(statusCode);

    public SliSnapshot Snapshot() => _windows.Snapshot(QueueLag);

    public TelemetrySummary Summary() => new(ServiceInfo(), Snapshot(), CounterTotals.From(_collectors));

    public ServiceInfo ServiceInfo() => new(_version, ActiveModel, _taxonomyVersion());

    /// <summary>Sets the window gauges and service info from the live values. Runs before every scrape.</summary>
    public void Refresh()
    {
        var snapshot = Snapshot();
        _collectors.SchemaValidPercentage.Set(snapshot.SchemaValidPercentage ?? double.NaN);
        _collectors.FallbackPercentage.Set(snapshot.FallbackPercentage);
        _collectors.QueueLag.Set(snapshot.QueueLagSeconds);
        _collectors.Http5xxPercentage.Set(snapshot.Http5xxPercentage ?? double.NaN);
        _collectors.LatencyP95.Set(snapshot.P95LatencySeconds ?? double.NaN);
        _collectors.QueueLagMax.Set(snapshot.MaxQueueLagSeconds);
        _collectors.RulesOnly.Set(Volatile.Read(ref _rulesOnly)() ? 1 : 0);
        var (hits, misses) = Volatile.Read(ref _cacheLookups)();
        _collectors.ModelCacheLookups.WithLabels("hit").IncTo(hits);
        _collectors.ModelCacheLookups.WithLabels("miss").IncTo(misses);

        var info = ServiceInfo();
        string[] labels = [info.Version, info.Model, info.TaxonomyVersion];
        lock (_infoLock)
        {
            if (_infoLabels is not null && !_infoLabels.SequenceEqual(labels))
            {
                _collectors.ServiceInfo.RemoveLabelled(_infoLabels);
            }

            _collectors.ServiceInfo.WithLabels(labels).Set(1);
            _infoLabels = labels;
        }
    }
}

/// <summary>What serves: the labels of <c>mapper_service_info</c>.</summary>
public sealed record ServiceInfo(string Version, string Model, string TaxonomyVersion);
