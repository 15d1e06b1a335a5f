using Mapper.Console.Monitoring.Alerts;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mapper.Cli.Commands;

/// <summary>
/// The console's alerts as a Prometheus rules file: each rule's expression reads the same window value the
/// console's evaluator reads (exported as a gauge by <c>/metrics</c>), with the same <c>for</c>, severity and a
/// <c>runbook_url</c> into the console.
/// </summary>
public static class PrometheusRules
{
    public const string Group = "mapper";

    public static string Write(IReadOnlyList<AlertDefinition> definitions, string consoleUrl)
    {
        var file = new RulesFile([new RuleGroup(Group, [.. definitions.Select(d => new Rule(
            d.Name,
            d.PromQl,
            AlertOptions.PrometheusDuration(d.For),
            new Dictionary<string, string> { ["severity"] = d.Severity },
            new Dictionary<string, string>
            {
                ["summary"] = d.Summary,
                ["description"] = $"{d.Name}: {d.PromQlMetric} {d.ConditionText} for {AlertOptions.PrometheusDuration(d.For)}" + (d.ExpectedInRulesOnly ? " (not while rules-only is on: fallback is then expected)" : ""),
                ["runbook_url"] = consoleUrl + "/runbooks/" + d.Runbook,
            }))])]);
        var serializer = new SerializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        return "# Written by `mapper alerts export-rules`: the console's alerts, evaluated by Prometheus on the metrics /metrics exports.\n" + serializer.Serialize(file);
    }

    private sealed record RulesFile(IReadOnlyList<RuleGroup> Groups);

    private sealed record RuleGroup(string Name, IReadOnlyList<Rule> Rules);

    private sealed record Rule(string Alert, string Expr, string For, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations);
}
