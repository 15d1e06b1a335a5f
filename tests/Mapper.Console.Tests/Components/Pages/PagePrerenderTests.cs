using Mapper.Console.Identity;
using Mapper.Console.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mapper.Console.Tests.Components.Pages;

/// <summary>The three pages as the server first renders them to a signed-in browser: wired into the real app, each with what that role may see.</summary>
public sealed class PagePrerenderTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly MapperFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Theory]
    [InlineData("/controls", "data-testid=\"killswitch-toggle\"")]
    [InlineData("/audit", "data-testid=\"audit-row\"")]
    [InlineData("/users", "data-testid=\"user-admin\"")]
    public async Task Get_SignedInAdmin_PageRendersItsContent(string path, string expected)
    {
        using var browser = await BrowserAsync("admin", MapperFactory.AdminPassword);

        using var response = await browser.GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ViewerOnUsersAndControls_AdminOnlyAndReadOnlyNotices()
    {
        await _factory.AddUserAsync("vera", ConsoleRole.Viewer);
        using var browser = await BrowserAsync("vera", Accounts.Password);

        var users = await browser.GetStringAsync("/users", Ct);
        var controls = await browser.GetStringAsync("/controls", Ct);

        Assert.Contains("data-testid=\"admin-only\"", users, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"users-table\"", users, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"controls-readonly\"", controls, StringComparison.Ordinal);
    }

    private async Task<HttpClient> BrowserAsync(string user, string password)
    {
        var browser = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signIn = await SignInForm.PostAsync(browser, user, password);
        Assert.Equal(302, (int)signIn.StatusCode);
        return browser;
    }
}
