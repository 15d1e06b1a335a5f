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
    public async Task Favicon_Served()
    {
        var html = await _client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var href = System.Text.RegularExpressions.Regex.Match(html, "rel=\"icon\"[^>]*href=\"([^\"]+)\"").Groups[1].Value;

        using var response = await _client.GetAsync("/" + href, TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
    }
}
