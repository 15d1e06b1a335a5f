using MudBlazor;

namespace Mapper.Console.Components.Dialogs;

/// <summary>One line of a confirm dialog: what changes, from what, to what.</summary>
public sealed record ChangeLine(string What, string From, string To);

/// <summary>What the person confirmed: their reason, and an auto-revert time when one was offered.</summary>
public sealed record ConfirmedAction(string Reason, TimeSpan? RevertAfter);

public static class ConfirmDialogs
{
    /// <summary>Shows the confirm dialog; null when the person cancelled.</summary>
    public static async Task<ConfirmedAction?> ConfirmAsync(this IDialogService dialogs, string title, IReadOnlyList<ChangeLine> changes, bool offerRevert = false, string confirmText = "Apply")
    {
        var parameters = new DialogParameters<ConfirmActionDialog>
        {
            { d => d.Title, title },
            { d => d.Changes, changes },
            { d => d.OfferRevert, offerRevert },
            { d => d.ConfirmText, confirmText },
        };
        var dialog = await dialogs.ShowAsync<ConfirmActionDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ConfirmedAction confirmed } ? confirmed : null;
    }
}
