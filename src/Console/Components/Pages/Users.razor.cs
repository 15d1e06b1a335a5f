using Mapper.Console.Actions;
using Mapper.Console.Admin;
using Mapper.Console.Components.Dialogs;
using Mapper.Console.Components.Shared;
using Mapper.Console.Identity;
using Mapper.Console.Monitoring;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mapper.Console.Components.Pages;

/// <summary>
/// Accounts and tokens, for admins: create, change role, disable or enable, reset a password; everyone's tokens
/// with revoke, and a new token for an account whose secret is shown once. Others get a clear "admin only" and
/// no data. Every change goes through the confirm dialog and the executor (which checks the role again).
/// </summary>
public sealed partial class Users
{
    private IReadOnlyList<UserView>? _users;
    private IReadOnlyList<TokenView>? _tokens;
    private long _seenTail = -1;

    /// <summary>Taken only so each new sample re-checks whether the log moved (an account changed elsewhere).</summary>
    [CascadingParameter]
    private EngineSample? Sample { get; set; }

    [CascadingParameter]
    private ConsoleUser User { get; set; } = ConsoleUser.Anonymous;

    [Inject]
    private AccountQueries Accounts { get; set; } = null!;

    [Inject]
    private AuditTail Tail { get; set; } = null!;

    [Inject]
    private PageActions Actions { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    private string? WhyNot => User.WhyNot(ConsoleRole.Admin);

    protected override async Task OnParametersSetAsync()
    {
        if (WhyNot is null && Tail.Last.Id != _seenTail)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _seenTail = Tail.Last.Id;
        _users = await Accounts.UsersAsync(CancellationToken.None);
        _tokens = await Accounts.TokensAsync(CancellationToken.None);
    }

    private async Task<ActionOutcome?> RunAsync(string title, IReadOnlyList<ChangeLine> changes, Func<ConfirmedAction, OperatorCommand> command, bool offerRevert)
    {
        var confirmed = await Dialogs.ConfirmAsync(title, changes, offerRevert);
        if (confirmed is null)
        {
            return null;
        }

        var outcome = await Actions.RunAsync(User, command(confirmed));
        await LoadAsync();
        StateHasChanged();
        return outcome;
    }
}
