using System.Globalization;
using Mapper.Console.Identity;

namespace Mapper.Console.Actions;

/// <summary>
/// Starts a run of a runbook, for the open incident (<see cref="OperatorCommand.IncidentId"/>) or free-standing: its
/// audit row's id is the run's id, and the row itself records who started it, when, and the SLIs at that moment.
/// </summary>
public sealed record StartRunbookRun(string Runbook) : OperatorCommand
{
    public const string ActionName = "runbooks.run_start";

    public override string Action => ActionName;

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => RunbookTargets.Runbook(Runbook);

    public override bool NeedsReason => false;
}

/// <summary>Checks (or unchecks) one step of a run; the newest such row per step is the step's state.</summary>
public sealed record CheckRunbookStep(long RunId, string Runbook, string StepId, string StepText, bool Checked) : OperatorCommand
{
    public const string ActionName = "runbooks.step";

    public override string Action => ActionName;

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => RunbookTargets.Run(RunId);

    public override bool NeedsReason => false;
}

/// <summary>The audit targets and values of runbook rows, written and read in one place.</summary>
public static class RunbookTargets
{
    public const string Checked = "checked";
    public const string Unchecked = "unchecked";

    public static string Runbook(string name) => "runbook:" + name;

    public static string Run(long runId) => "run:" + runId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A step row's detail: <c>step {id}: {text}</c> (ids hold no spaces, so the id is read back exactly).</summary>
    public static string StepDetail(string stepId, string text) => $"step {stepId}: {text}";

    public static string? StepIdOf(string? detail)
    {
        if (detail is null || !detail.StartsWith("step ", StringComparison.Ordinal))
        {
            return null;
        }

        var end = detail.IndexOf(": ", 5, StringComparison.Ordinal);
        return end < 0 ? detail[5..] : detail[5..end];
    }
}
