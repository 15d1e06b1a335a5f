using Mapper.Console.Actions;
using MudBlazor;

namespace Mapper.Console.Components.Shared;

/// <summary>
/// How a page runs an action: through the one executor, as the signed-in user, through the page's door, with
/// the outcome shown as a snackbar. Pages call this (or a feature service built on it) once per user intent.
/// </summary>
public sealed class PageActions(OperatorExecutor executor, ISnackbar snackbar)
{
    public async Task<ActionOutcome> RunAsync(ConsoleUser user, OperatorCommand command, Door door = Door.Page, CancellationToken cancellationToken = default)
    {
        var outcome = await executor.RunAsync(user.Actor(door), command, cancellationToken);
        snackbar.Add(outcome.Message, outcome.Status switch
        {
            ActionStatus.Applied => Severity.Success,
            ActionStatus.Stale or ActionStatus.Invalid => Severity.Warning,
            _ => Severity.Error,
        });
        return outcome;
    }
}
