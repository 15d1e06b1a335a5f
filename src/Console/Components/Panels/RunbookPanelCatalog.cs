using Mapper.Console.Monitoring;
using Microsoft.AspNetCore.Components;

namespace Mapper.Console.Components.Panels;

/// <summary>
/// The panels a runbook's <c>panel:NAME</c> link may embed, by name. Each takes the cascaded sample as its
/// <c>Sample</c> parameter and re-renders with it; none owns a timer. A test checks every link in
/// <c>runbooks/*.md</c> names one of these.
/// </summary>
public static class RunbookPanelCatalog
{
    private static readonly Dictionary<string, Type> Panels = new(StringComparer.Ordinal)
    {
        ["gauges"] = typeof(GaugesPanel),
        ["confidence-histogram"] = typeof(ConfidenceHistogram),
        ["detectors"] = typeof(DetectorsPanel),
        ["fallback-reasons"] = typeof(FallbackReasonsPanel),
        ["validation-failures"] = typeof(ValidationFailuresPanel),
        ["latency-histogram"] = typeof(LatencyHistogramPanel),
        ["queue"] = typeof(QueuePanel),
        ["process-health"] = typeof(ProcessHealthPanel),
        ["errors"] = typeof(ErrorsPanel),
        ["recent-changes"] = typeof(RecentChangesPanel),
        ["adapters"] = typeof(AdaptersPanel),
        ["golden-run"] = typeof(GoldenRunPanel),
        ["alerts"] = typeof(AlertsPanel),
        ["error-budget"] = typeof(ErrorBudgetPanel),
    };

    public static IReadOnlyCollection<string> Names => Panels.Keys;

    public static Type? Find(string name) => Panels.GetValueOrDefault(name);

    /// <summary>
    /// The sample as a parameter for a panel that declares <c>[Parameter] Sample</c>; nothing for one that takes the
    /// cascaded sample itself (passing a value to a cascading-only property would throw).
    /// </summary>
    public static IDictionary<string, object> Parameters(Type panel, EngineSample sample) =>
        panel.GetProperty("Sample")?.GetCustomAttributes(typeof(ParameterAttribute), inherit: true).Length > 0
            ? new Dictionary<string, object> { ["Sample"] = sample }
            : new Dictionary<string, object>();
}
