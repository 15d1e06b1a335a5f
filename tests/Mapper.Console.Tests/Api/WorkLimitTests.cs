using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Api;

/// <summary>The engine's work per request is bounded before it runs: labels per output, label words per request.</summary>
public sealed class WorkLimitTests(SharedApp app) : IClassFixture<SharedApp>
{
    private readonly HttpClient _client = app.Client;

    [Fact]
    public async Task Map_LabelsUpToTheLimit_Accepted()
    {
        using var response = await _client.PostAsync("/map", Single(Labels(32)));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Map_TooManyLabels_Returns422NamingOutputAndLimit()
    {
        using var response = await _client.PostAsync("/map", Single(Labels(33)));

        var detail = await response.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.Equal("output: 33 labels joined with '|'; at most 32 (Api:MaxLabelsPerOutput)", (string?)detail["message"]);
    }

    [Fact]
    public async Task Map_BlankPartsAreNotLabels_Accepted()
    {
        using var response = await _client.PostAsync("/map", Single(Labels(32) + string.Concat(Enumerable.Repeat("| ", 40))));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task MapBatch_OneOutputWithTooManyLabels_Returns422NamingTheItem()
    {
        var items = Enumerable.Range(0, 5).Select(i => Item(i == 3 ? Labels(280) : "US_SSN"));

        using var response = await _client.PostAsync("/map/batch", Batch(items));

        var detail = await response.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.Equal("requests[3].output: 280 labels joined with '|'; at most 32 (Api:MaxLabelsPerOutput)", (string?)detail["message"]);
    }

    [Fact]
    public async Task MapBatch_LabelWordsAtTheLimit_Accepted()
    {
        // 100 items of four one-word labels: exactly the 400 words a request may hold.
        var items = Enumerable.Range(0, 100).Select(_ => Item(Labels(4)));

        using var response = await _client.PostAsync("/map/batch", Batch(items));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null((await response.JsonAsync())["errors"]);
    }

    [Fact]
    public async Task MapBatch_TooManyLabelWordsInAll_Returns422NamingRequests()
    {
        // 100 items of 32 one-word labels: every output is within its limit, the whole is 3200 words.
        var items = Enumerable.Range(0, 100).Select(_ => Item(Labels(32)));

        using var response = await _client.PostAsync("/map/batch", Batch(items));

        var detail = await response.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.StartsWith("requests: 3200 label words in all", (string?)detail["message"]);
        Assert.Contains("at most 400 per request (Api:MaxLabelWordsPerRequest)", (string?)detail["message"]);
    }

    [Fact]
    public async Task Map_LongLabelCountsItsWords()
    {
        await using var factory = new MapperFactory(new Dictionary<string, string?> { ["Api:MaxLabelWordsPerRequest"] = "10" });
        using var client = factory.CreateClient();

        using var fits = await client.PostAsync("/map", Single("one two three four five six seven eight nine ten"));
        using var refused = await client.PostAsync("/map", Single("oneTwo three-four five_six seven.eight nine ten|eleven"));

        Assert.Equal(200, (int)fits.StatusCode);
        var detail = await refused.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.StartsWith("output: 11 label words in all", (string?)detail["message"]);
    }

    /// <summary>Distinct one-word labels no rule knows (the costly kind), joined with '|'.</summary>
    private static string Labels(int count) => string.Join('|', Enumerable.Range(0, count).Select(i => "zq" + (char)('a' + (i % 26)) + (char)('a' + (i / 26))));

    private static string Item(string output) => $$"""{"detector":"presidio","output":"{{output}}","tenant_id":"t1"}""";

    private static string Single(string output) => Item(output);

    private static string Batch(IEnumerable<string> items) => $$"""{"requests":[{{string.Join(',', items)}}]}""";
}
