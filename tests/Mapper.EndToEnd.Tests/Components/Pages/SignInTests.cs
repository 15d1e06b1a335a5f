using Mapper.EndToEnd.Tests.Support;
using Mapper.EndToEnd.Tests.Support.Pages;
using static Microsoft.Playwright.Assertions;

namespace Mapper.EndToEnd.Tests.Components.Pages;

public sealed class SignInTests(ConsoleFixture console) : BrowserTest(console)
{
    [Fact]
    public async Task SignIn_RightPassword_LandsOnOverviewWithGaugesUserAndRole()
    {
        var session = await OpenAsync();
        await session.Page.GotoAsync("/");
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == SignInPage.Path);

        var overview = await new SignInPage(session.Page).SignInAsync(Console.Admin);

        Assert.Equal("/", new Uri(session.Page.Url).AbsolutePath);
        foreach (var key in OverviewPage.GaugeKeys)
        {
            await Expect(overview.Gauge(key).Root).ToBeVisibleAsync();
            await Expect(overview.Gauge(key).Value).Not.ToBeEmptyAsync();
        }

        await Expect(overview.WhoAmI).ToHaveTextAsync(Console.Admin.Name);
        await Expect(overview.Role).ToHaveTextAsync("admin");
        await Expect(overview.NavLink("Users")).ToBeVisibleAsync();
        await session.WaitForCircuitAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndStartsNoSession()
    {
        var account = await Console.NewAccountAsync("operator");
        var session = await OpenAsync();
        var signIn = await new SignInPage(session.Page).GotoAsync();

        await signIn.SubmitAsync(account.Name, account.Password + "-wrong");

        await Expect(signIn.Error).ToBeVisibleAsync();
        await Expect(signIn.Password).ToHaveValueAsync("");
        Assert.Equal(SignInPage.Path, new Uri(session.Page.Url).AbsolutePath);
        Assert.DoesNotContain(await session.Context.CookiesAsync(), c => c.Name == "mapper.session");
        await session.Page.GotoAsync("/");
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == SignInPage.Path);
        await Expect(new Shell(session.Page).WhoAmI).ToHaveCountAsync(0);
    }
}
