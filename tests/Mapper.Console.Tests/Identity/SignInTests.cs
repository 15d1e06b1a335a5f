using Mapper.Console.Hosting;
using Mapper.Console.Identity;
using Mapper.Console.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mapper.Console.Tests.Identity;

/// <summary>Cookie sign-in through the server-rendered form: lockout, no hint whether an account exists, safe redirects, headers.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly MapperFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task SignIn_RightPassword_SetsTheCookieAndOpensTheConsole()
    {
        using var browser = Browser();

        using var response = await SignInForm.PostAsync(browser, "admin", MapperFactory.AdminPassword);
        using var home = await browser.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(302, (int)response.StatusCode);
        Assert.Equal("http://localhost/", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mapper.session=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(200, (int)home.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUser_SameMessage()
    {
        using var browser = Browser();

        var wrong = await (await SignInForm.PostAsync(browser, "admin", "not-the-password")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var unknown = await (await SignInForm.PostAsync(browser, "nobody", "not-the-password")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("data-testid=\"signin-error\"", wrong, StringComparison.Ordinal);
        Assert.Equal(ErrorText(wrong), ErrorText(unknown));
    }

    [Fact]
    public async Task SignIn_FiveFailures_LockTheAccountEvenForTheRightPassword()
    {
        await _factory.AddUserAsync("lena", ConsoleRole.Operator);
        using var browser = Browser();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await SignInForm.PostAsync(browser, "lena", "wrong-guess-" + i);
        }

        using var locked = await SignInForm.PostAsync(browser, "lena", Accounts.Password);

        Assert.Equal(200, (int)locked.StatusCode);
        Assert.Contains(SignInService.FailureMessage, await locked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/audit?actor=x", "/audit?actor=x")]
    [InlineData("https://evil.example/phish", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    public async Task SignIn_ReturnUrl_OnlyAPathOnThisSite(string returnUrl, string expected)
    {
        using var browser = Browser();

        using var response = await SignInForm.PostAsync(browser, "admin", MapperFactory.AdminPassword, "/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal("http://localhost" + expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignInPost_WithoutAntiforgeryToken_IsRefused()
    {
        using var browser = Browser();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "signin", ["Input.UserName"] = "admin", ["Input.Password"] = MapperFactory.AdminPassword });

        using var response = await browser.PostAsync("/signin", form, TestContext.Current.CancellationToken);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("mapper.session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Pages_CarryTheSecurityHeaders()
    {
        using var browser = Browser();

        using var page = await browser.GetAsync("/signin", TestContext.Current.CancellationToken);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(";", page.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(",", page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", string.Join(",", page.Headers.GetValues("Referrer-Policy")));
        Assert.False(page.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private HttpClient Browser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static string ErrorText(string html)
    {
        var at = html.IndexOf("data-testid=\"signin-error\">", StringComparison.Ordinal);
        return at < 0 ? "" : html[at..html.IndexOf("</p>", at, StringComparison.Ordinal)];
    }
}
