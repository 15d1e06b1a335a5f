using Mapper.Console.Actions;
using Mapper.Console.Components.Dialogs;

namespace Mapper.Console.Components.Panels;

/// <summary>
/// How a panel asks its page to make a change: show the confirm dialog with <paramref name="changes"/>, and when
/// the person confirms, run the command made from their reason through the executor. Null when they cancelled.
/// </summary>
public delegate Task<ActionOutcome?> ConfirmAndRun(string title, IReadOnlyList<ChangeLine> changes, Func<ConfirmedAction, OperatorCommand> command, bool offerRevert = false);
