using Prometheus;

namespace Mapper.Console.Actions;

/// <summary>The console's own collectors, beside the engine's: operator actions by name and result.</summary>
public sealed class ConsoleMetrics(CollectorRegistry registry)
{
    private readonly Counter _actions = Metrics.WithCustomRegistry(registry).CreateCounter(
        "mapper_console_actions_total", "Operator actions through the executor, by action and result.", "action", "status");

    public void RecordAction(string action, ActionStatus status) => _actions.WithLabels(action, status.ToString().ToLowerInvariant()).Inc();
}
