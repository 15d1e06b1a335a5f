using Mapper.EndToEnd.Tests.Support;
using Mapper.EndToEnd.Tests.Support.Pages;
using static Microsoft.Playwright.Assertions;

namespace Mapper.EndToEnd.Tests.Components.Layout;

public sealed class ShellTests(ConsoleFixture console) : BrowserTest(console)
{
    [Fact]
    public async Task Navigation_Viewer_ShowsPagesButNoUsersLink()
    {
        var session = await OpenSignedInAsync(Console.Viewer);
        var overview = await new OverviewPage(session.Page).GotoAsync();

        await Expect(overview.Role).ToHaveTextAsync("viewer");
        await Expect(overview.NavLink("Overview")).ToBeVisibleAsync();
        await Expect(overview.NavLink("Audit log")).ToBeVisibleAsync();
        await Expect(overview.NavLink("Users")).ToHaveCountAsync(0);
        await session.WaitForCircuitAsync();
        await Expect(overview.NavLink("Users")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignOut_FromAppBar_EndsTheSession()
    {
        var account = await Console.NewAccountAsync("viewer");
        var session = await OpenAsync();
        var overview = await new SignInPage(session.Page).SignInAsync(account);
        await Expect(overview.WhoAmI).ToHaveTextAsync(account.Name);
        await session.WaitForCircuitAsync();

        await overview.SignOutAsync();

        Assert.DoesNotContain(await session.Context.CookiesAsync(), c => c.Name == "mapper.session");
        await session.Page.GotoAsync("/");
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == SignInPage.Path);
        await Expect(new SignInPage(session.Page).Submit).ToBeVisibleAsync();
    }
}
