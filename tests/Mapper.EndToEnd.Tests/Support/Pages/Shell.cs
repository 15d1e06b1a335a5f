using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support.Pages;

/// <summary>What every signed-in page has around it: the app bar (who, role, health, sign out), the navigation and the banners.</summary>
public class Shell(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator WhoAmI => Page.GetByTestId("whoami");

    public ILocator Role => Page.GetByTestId("role");

    public ILocator HealthStatus => Page.GetByTestId("health-status");

    public ILocator SignOutButton => Page.GetByTestId("signout");

    /// <summary>The drawer's navigation menu (the one <c>nav</c> of the shell).</summary>
    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation);

    public ILocator Banners => Page.GetByTestId("banners");

    /// <summary>Outcome messages (<c>PageActions</c> shows every action's as a snackbar); MudBlazor gives them no test id.</summary>
    public ILocator Snackbars => Page.Locator(".mud-snackbar");

    /// <summary>The dialog a change opens before anything happens.</summary>
    public ConfirmDialog ConfirmDialog => new(Page);

    /// <summary>A banner by key (<c>kill-switch</c>, later alerts and drills): <c>data-testid="banner-KEY"</c>.</summary>
    public ILocator Banner(string key) => Page.GetByTestId("banner-" + key);

    /// <summary>A navigation entry by its visible name ("Overview", "Controls", "Users", ...).</summary>
    public ILocator NavLink(string name) => Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Follows a navigation entry (client-side, the circuit stays) and waits for the URL.</summary>
    public async Task NavigateAsync(string name, string path)
    {
        await NavLink(name).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
    }

    /// <summary>Signs out through the app bar's form and waits for the sign-in page.</summary>
    public async Task<SignInPage> SignOutAsync()
    {
        await SignOutButton.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == SignInPage.Path);
        return new SignInPage(Page);
    }
}
