using System.Net.Http.Headers;
using Bunit;
using Mapper.Console.Components.Pages;
using Mapper.Console.Identity;
using Mapper.Console.Store;
using Mapper.Console.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Components.Pages;

/// <summary>The Users page against a real console: admin only, accounts created and changed through the executor, a token's secret shown once.</summary>
public sealed class UsersTests : IAsyncLifetime
{
    private PageTestContext _page = null!;

    public ValueTask InitializeAsync()
    {
        _page = PageTestContext.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _page.DisposeAsync();

    [Fact]
    public async Task Render_Operator_AdminOnlyAndNoAccountShown()
    {
        var cut = _page.Render<Users>(await _page.UserAsync("otto", ConsoleRole.Operator));

        Assert.Contains("takes the admin role (you are operator)", cut.Find("[data-testid=admin-only]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=users-table]"));
        Assert.Empty(cut.FindAll("[data-testid=user-admin]"));
        Assert.Empty(cut.FindAll("[data-testid=new-user-form]"));
        Assert.Empty(cut.FindAll("[data-testid=new-token-form]"));
    }

    [Fact]
    public async Task CreateUser_AdminConfirms_AccountListedWithItsRoleAndSignsIn()
    {
        var cut = _page.Render<Users>(PageTestContext.Admin);
        cut.WaitForElement("[data-testid=user-admin]");

        cut.Find("[data-testid=new-user-name]").Input("nina");
        _page.Pick(cut, "new-user-role", "operator");
        cut.Find("[data-testid=new-user-password]").Input(Accounts.Password);
        cut.Find("[data-testid=new-user-create]").Click();
        Assert.Contains("Account none → nina (operator)", _page.ConfirmChanges());
        _page.Confirm("new on-call engineer");

        cut.WaitForAssertion(() => Assert.Equal("operator", cut.Find("[data-testid=user-role-nina]").TextContent));
        Assert.Equal("active", cut.Find("[data-testid=user-state-nina]").TextContent);
        Assert.DoesNotContain(Accounts.Password, cut.Markup, StringComparison.Ordinal);
        using var scope = _page.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MapperUser>>();
        var nina = await users.FindByNameAsync("nina");
        Assert.NotNull(nina);
        Assert.True(await users.CheckPasswordAsync(nina, Accounts.Password));
        Assert.Contains(ConsoleRoles.Operator, await users.GetRolesAsync(nina));
    }

    [Fact]
    public async Task Disable_AdminConfirms_AccountShownDisabled()
    {
        await _page.Factory.AddUserAsync("otto", ConsoleRole.Operator);
        var cut = _page.Render<Users>(PageTestContext.Admin);

        cut.WaitForElement("[data-testid=user-disable-otto]").Click();
        _page.Confirm("left the team");

        cut.WaitForAssertion(() => Assert.Equal("disabled", cut.Find("[data-testid=user-state-otto]").TextContent));
        Assert.Contains("Enable", cut.Find("[data-testid=user-disable-otto]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateToken_ForAnAccount_SecretShownOnceWorksAndIsNeverShownAgain()
    {
        await _page.Factory.AddUserAsync("otto", ConsoleRole.Operator);
        var cut = _page.Render<Users>(PageTestContext.Admin);
        cut.WaitForElement("[data-testid=tokens-empty]");

        _page.Pick(cut, "new-token-user", "otto");
        cut.Find("[data-testid=new-token-name]").Input("ci deploy");
        cut.Find("[data-testid=new-token-create]").Click();
        _page.Confirm("deploy pipeline needs it");

        var secret = _page.Dialogs.WaitForElement("[data-testid=token-secret]").GetAttribute("value")!;
        Assert.StartsWith(TokenSecrets.Prefix, secret, StringComparison.Ordinal);
        Assert.Contains("shown this once", _page.Dialogs.Markup, StringComparison.Ordinal);
        using (var client = _page.Factory.CreateClient())
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var me = await client.GetJsonAsync("/api/v1/me");
            Assert.Equal("otto", (string?)me["name"]);
        }

        _page.Dialogs.Find("[data-testid=token-secret-done]").Click();

        _page.Dialogs.WaitForAssertion(() => Assert.Empty(_page.Dialogs.FindAll("[data-testid=token-secret]")));
        cut.WaitForAssertion(() => Assert.Contains(secret[..TokenSecrets.ShownPrefixLength], cut.Find("[data-testid=tokens-table]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(secret, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, _page.Dialogs.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, _page.Snackbars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_PasswordTooShort_RefusedWithTheRuleAndNoAccount()
    {
        var cut = _page.Render<Users>(PageTestContext.Admin);
        cut.WaitForElement("[data-testid=user-admin]");

        cut.Find("[data-testid=new-user-name]").Input("nina");
        cut.Find("[data-testid=new-user-password]").Input("short");
        cut.Find("[data-testid=new-user-create]").Click();
        _page.Confirm("new on-call engineer");

        _page.Snackbars.WaitForAssertion(() => Assert.Contains("password:", _page.Snackbars.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=user-nina]"));
        using var scope = _page.Factory.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<MapperUser>>().FindByNameAsync("nina"));
    }

    [Fact]
    public async Task Revoke_AdminConfirms_TokenMarkedRevokedAndStopsWorking()
    {
        await _page.Factory.AddUserAsync("otto", ConsoleRole.Operator);
        var secret = await _page.Factory.TokenAsync("otto");
        var cut = _page.Render<Users>(PageTestContext.Admin);

        cut.WaitForElement("[data-testid=token-revoke-1]").Click();
        _page.Confirm("laptop lost");

        cut.WaitForAssertion(() => Assert.True(PageTestContext.IsDisabled(cut.Find("[data-testid=token-revoke-1]"))));
        Assert.NotEqual("—", cut.Find("[data-testid=token-revoked-1]").TextContent.Trim());
        using var client = _page.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await client.GetAsync("/api/v1/me", Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(401, (int)response.StatusCode);
    }
}
