namespace Mapper.Console.Monitoring.Alerts;

/// <summary>A banner per firing alert, linking to its runbook.</summary>
public sealed class AlertBanner(AlertEvaluator alerts) : IBannerSource
{
    public IEnumerable<Banner> Banners(EngineSample sample) =>
        alerts.Firing.Select(a => new Banner(
            "alert-" + a.Name,
            a.Definition.Severity == "critical" ? BannerLevel.Error : BannerLevel.Warning,
            $"{a.Name} firing ({a.Definition.Severity}): {a.Definition.Summary}; {a.ValueText} {a.Definition.ConditionText}",
            a.RunbookLink,
            a.FiringSince));
}
