using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support.Pages;

/// <summary><c>/signin</c>: the server-rendered form that sets the session cookie.</summary>
public sealed class SignInPage(IPage page)
{
    public const string Path = "/signin";

    public ILocator User => page.GetByTestId("signin-user");

    public ILocator Password => page.GetByTestId("signin-password");

    public ILocator Submit => page.GetByTestId("signin-submit");

    public ILocator Error => page.GetByTestId("signin-error");

    public async Task<SignInPage> GotoAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }

    /// <summary>Fills the form and submits it; the caller waits for where it should land (the overview, or the error).</summary>
    public async Task SubmitAsync(string user, string password)
    {
        if (!page.Url.Contains(Path, StringComparison.Ordinal))
        {
            await GotoAsync();
        }

        await User.FillAsync(user);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }

    /// <summary>Signs in and waits for the overview the console lands on.</summary>
    public async Task<OverviewPage> SignInAsync(Account account)
    {
        await SubmitAsync(account.Name, account.Password);
        var overview = new OverviewPage(page);
        await Assertions.Expect(overview.Heading).ToBeVisibleAsync();
        return overview;
    }
}
