using System.Globalization;
using Mapper.Engine.Controls;

namespace Mapper.Console.Monitoring.Alerts;

public enum AlertComparison
{
    /// <summary>Fires while the value is below the threshold (schema-valid).</summary>
    Below,

    /// <summary>Fires while the value is above the threshold.</summary>
    Above,
}

/// <summary>
/// One alert as the evaluator and the exported Prometheus rules both read it: what it watches, when it fires, how
/// bad it is, where its runbook is, and the equivalent PromQL over the metrics <c>/metrics</c> exports.
/// </summary>
public sealed record AlertDefinition(
    string Name,
    string Summary,
    AlertComparison Comparison,
    double Threshold,
    TimeSpan For,
    string Severity,
    string Runbook,
    string Unit,
    Func<EngineSample, double?> Value,
    string PromQlMetric,
    bool ExpectedInRulesOnly = false)
{
    public bool Breaches(double value) => Comparison == AlertComparison.Below ? value < Threshold : value > Threshold;

    public string ConditionText => $"{(Comparison == AlertComparison.Below ? "<" : ">")} {Number(Threshold)}{Unit}";

    /// <summary>The rule's expression: the same window value the console evaluates, exported as a gauge.</summary>
    public string PromQl
    {
        get
        {
            var condition = $"{PromQlMetric} {(Comparison == AlertComparison.Below ? "<" : ">")} {Threshold.ToString("R", CultureInfo.InvariantCulture)}";
            return ExpectedInRulesOnly ? $"{condition} and on() mapper_rules_only == 0" : condition;
        }
    }

    /// <summary>Whether rules-only mode makes this alert's breach expected (suppressed, not paged).</summary>
    public bool SuppressedBy(RuntimeControls controls) => ExpectedInRulesOnly && controls.Mode == MappingMode.RulesOnly;

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
