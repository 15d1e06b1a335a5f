using System.Net;
using System.Text.RegularExpressions;
using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Api;

public sealed class DocumentTests(SharedApp app) : IClassFixture<SharedApp>
{
    private readonly HttpClient _client = app.Client;

    [Fact]
    public async Task OpenApi_Served_DescribesTheMappingEndpoints()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).JsonAsync();

        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/map"));
        Assert.True(paths.ContainsKey("/map/batch"));
        Assert.True(paths.ContainsKey("/health"));
        Assert.NotNull(paths["/map"]!["post"]!["requestBody"]!["content"]!["application/json"]);
    }

    [Fact]
    public async Task Home_SignedOut_LandsOnTheSignInForm()
    {
        using var response = await _client.GetAsync("/", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("/signin", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("data-testid=\"signin-user\"", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.DoesNotContain("Engine status", html);
    }

    [Fact]
    public async Task Favicon_LinkedFromThePageAndServedAsAnImage()
    {
        var html = await _client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var links = Regex.Matches(html, "<link\\b[^>]*>", RegexOptions.IgnoreCase)
            .Select(m => m.Value)
            .Where(tag => Regex.IsMatch(tag, "\\brel=\"(shortcut )?icon\"", RegexOptions.IgnoreCase))
            .ToArray();
        var link = Assert.Single(links);
        var href = WebUtility.HtmlDecode(Regex.Match(link, "\\bhref=\"([^\"]+)\"").Groups[1].Value);
        var type = WebUtility.HtmlDecode(Regex.Match(link, "\\btype=\"([^\"]+)\"").Groups[1].Value);
        Assert.False(string.IsNullOrWhiteSpace(href), $"icon link without href: {link}");

        // Resolved against the page's <base href="/">, as a browser does.
        using var response = await _client.GetAsync(new Uri(new Uri("http://localhost/"), href), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", body, StringComparison.Ordinal);
    }
}
