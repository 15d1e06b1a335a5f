using System.Text.Json.Nodes;
using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Api;

public sealed class BatchEndpointTests(SharedApp app) : IClassFixture<SharedApp>
{
    private readonly HttpClient _client = app.Client;

    [Fact]
    public async Task MapBatch_FailingItem_KeepsItsPlace()
    {
        const string body = """
            {"requests":[
              {"detector":"presidio","output":"US_SSN","tenant_id":"t1"},
              {"detector":"presidio","output":42,"tenant_id":"t1"},
              {"detector":"presidio","output":"EMAIL_ADDRESS","tenant_id":"t1"}]}
            """;

        using var response = await _client.PostAsync("/map/batch", body);

        Assert.Equal(200, (int)response.StatusCode);
        var json = await response.JsonAsync();
        var results = json["results"]!.AsArray();
        Assert.Equal(3, results.Count);
        Assert.Equal("PII.Identifier.SSN", (string?)results[0]!["taxonomy"]![0]);
        Assert.Equal("OTHER.Unknown", (string?)results[1]!["taxonomy"]![0]);
        Assert.Equal(0, (double)results[1]!["confidence"]!);
        Assert.Equal(0, (double)results[1]!["scores"]!["OTHER.Unknown"]!);
        Assert.Equal("2025.09", (string?)results[1]!["version_info"]!["taxonomy"]);
        Assert.Equal("PII.Contact.Email", (string?)results[2]!["taxonomy"]![0]);
        var error = Assert.Single(json["errors"]!.AsArray());
        Assert.Equal(1, (int)error!["index"]!);
        Assert.Equal("presidio", (string?)error["detector"]);
        Assert.Contains("output", (string?)error["error"]);
    }

    [Fact]
    public async Task MapBatch_AllValid_ErrorsIsNull()
    {
        using var response = await _client.PostAsync("/map/batch", """{"requests":[{"detector":"presidio","output":"US_SSN","tenant_id":"t1"}]}""");

        var json = (JsonObject)await response.JsonAsync();
        Assert.True(json.ContainsKey("errors"));
        Assert.Null(json["errors"]);
        Assert.Equal("", response.Header("Deprecation"));
    }

    [Fact]
    public async Task MapBatch_LegacyItem_AddsDeprecationHeaders()
    {
        using var response = await _client.PostAsync("/map/batch", """{"requests":[{"detector":"presidio","output":"US_SSN"}]}""");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("true", response.Header("Deprecation"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task MapBatch_SizeOutsideOneToHundred_Returns422(int items)
    {
        var body = "{\"requests\":[" + string.Join(',', Enumerable.Repeat(Http.Ssn, items)) + "]}";

        using var response = await _client.PostAsync("/map/batch", body);

        var detail = await response.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.Contains($"requests: {items} items", (string?)detail["message"]);
    }

    [Fact]
    public async Task MapBatch_NoRequestsArray_Returns422()
    {
        using var response = await _client.PostAsync("/map/batch", Http.Ssn);

        var detail = await response.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.StartsWith("requests: required", (string?)detail["message"]);
    }

    [Fact]
    public async Task MapBatch_HundredItems_AllMapped()
    {
        var body = "{\"requests\":[" + string.Join(',', Enumerable.Repeat(Http.Ssn, 100)) + "]}";

        using var response = await _client.PostAsync("/map/batch", body);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(100, (await response.JsonAsync())["results"]!.AsArray().Count);
    }
}
