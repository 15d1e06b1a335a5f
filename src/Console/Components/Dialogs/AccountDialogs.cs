using MudBlazor;

namespace Mapper.Console.Components.Dialogs;

/// <summary>The Users page's two dialogs besides the confirm dialog: a new password, and a new token's secret shown once.</summary>
public static class AccountDialogs
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    /// <summary>The new password typed twice; null when the person cancelled.</summary>
    public static async Task<string?> NewPasswordAsync(this IDialogService dialogs, string userName, int minLength)
    {
        var parameters = new DialogParameters<PasswordDialog> { { d => d.UserName, userName }, { d => d.MinLength, minLength } };
        var dialog = await dialogs.ShowAsync<PasswordDialog>("New password", parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string password } ? password : null;
    }

    /// <summary>Shows a new token's secret until the person closes it; the caller keeps no copy.</summary>
    public static async Task ShowSecretOnceAsync(this IDialogService dialogs, string userName, string name, string secret)
    {
        var parameters = new DialogParameters<TokenSecretDialog> { { d => d.UserName, userName }, { d => d.Name, name }, { d => d.Secret, secret } };
        var dialog = await dialogs.ShowAsync<TokenSecretDialog>("New token", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        await dialog.Result;
    }
}
