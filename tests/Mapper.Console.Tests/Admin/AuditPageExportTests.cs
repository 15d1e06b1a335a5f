using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Mapper.Console.Actions;
using Mapper.Console.Admin;
using Mapper.Console.Identity;
using Mapper.Console.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mapper.Console.Tests.Admin;

/// <summary>The Audit log page's download: the filtered rows on the sign-in cookie, and nothing without it.</summary>
public sealed class AuditPageExportTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly MapperFactory _factory = new();

    public async ValueTask InitializeAsync()
    {
        await _factory.AddUserAsync("vera", ConsoleRole.Viewer);
        foreach (var threshold in new[] { 0.7, 0.65 })
        {
            var outcome = await _factory.Executor().RunAsync(Actor.System, new SetThreshold(null, threshold) { Reason = "tuning" }, Ct);
            Assert.True(outcome.Succeeded, outcome.Message);
        }
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Export_SignedInViewerCsv_TheFilteredRowsOldestFirst()
    {
        using var browser = await SignedInBrowserAsync("vera");

        using var response = await browser.GetAsync(AuditPageExport.Url(new AuditFilter(Action: "controls"), "csv"), Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("id,occurred_at,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",controls.threshold,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",0.6,0.7,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",0.7,0.65,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_SignedInJsonWithActor_OnlyThatActorsRows()
    {
        using var browser = await SignedInBrowserAsync("vera");

        using var response = await browser.GetAsync(AuditPageExport.Url(new AuditFilter(Actor: "system", Action: "users"), "json"), Ct);
        var rows = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("users.add", (string)r!["action"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_NoCookieOrOnlyABearerToken_SentToSignInWithoutRows()
    {
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var bearer = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _factory.TokenAsync("vera"));
        var url = AuditPageExport.Url(new AuditFilter(), "csv");

        foreach (var client in new[] { anonymous, bearer })
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.Equal(302, (int)response.StatusCode);
            Assert.Contains("/signin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Export_UnknownFormatOrBadTime_ClearErrorNamingTheField()
    {
        using var browser = await SignedInBrowserAsync("vera");

        using var format = await browser.GetAsync("/export/audit?format=xml", Ct);
        using var time = await browser.GetAsync("/export/audit?format=csv&from=yesterday", Ct);

        Assert.Equal(422, (int)format.StatusCode);
        Assert.Equal(422, (int)time.StatusCode);
        Assert.Contains("format: csv or json", await format.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInBrowserAsync(string user)
    {
        var browser = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signIn = await SignInForm.PostAsync(browser, user, Accounts.Password);
        Assert.Equal(302, (int)signIn.StatusCode);
        return browser;
    }
}
