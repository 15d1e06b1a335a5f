using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support.Pages;

/// <summary>
/// The dialog every change goes through (<c>Components/Dialogs/ConfirmActionDialog.razor</c>): the change lines, an
/// optional auto-revert, the required reason, Apply and Cancel. For the Controls, Adapters and Users pages' tests.
/// </summary>
public sealed class ConfirmDialog(IPage page)
{
    /// <summary>
    /// The whole dialog: MudDialog puts its attributes (the test id) on its content only, and the buttons sit beside
    /// that, in the dialog's actions.
    /// </summary>
    public ILocator Root => page.Locator("[role=dialog]").Filter(new() { Has = page.GetByTestId("confirm-dialog") });

    /// <summary>One row per change: what, from, →, to.</summary>
    public ILocator Changes => Root.GetByTestId("confirm-changes").Locator("tr");

    /// <summary>The text box itself, wherever MudBlazor put the test id (on the field or on its input).</summary>
    public ILocator Reason => Field("confirm-reason");

    public ILocator RevertMinutes => Field("confirm-revert");

    public ILocator Apply => Root.GetByTestId("confirm-apply");

    public ILocator Cancel => Root.GetByTestId("confirm-cancel");

    /// <summary>Writes the reason (and the auto-revert, when given), applies, and waits for the dialog to close.</summary>
    public async Task ApplyAsync(string reason, int? revertMinutes = null)
    {
        await Assertions.Expect(Root).ToBeVisibleAsync();
        if (revertMinutes is { } minutes)
        {
            await RevertMinutes.FillAsync(minutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Reason.FillAsync(reason);
        await Assertions.Expect(Apply).ToBeEnabledAsync();
        await Apply.ClickAsync();
        await Assertions.Expect(Root).ToHaveCountAsync(0);
    }

    private ILocator Field(string testId) => Root.Locator(
        $"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] textarea, [data-testid={testId}] input").First;
}
