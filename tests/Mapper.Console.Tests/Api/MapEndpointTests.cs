using System.Globalization;
using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Api;

public sealed class MapEndpointTests(SharedApp app) : IClassFixture<SharedApp>
{
    private readonly HttpClient _client = app.Client;

    [Fact]
    public async Task Map_MapperPayload_ReturnsValidEvent()
    {
        using var response = await _client.PostAsync("/map", Http.Ssn);

        Assert.Equal(200, (int)response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("PII.Identifier.SSN", (string?)body["taxonomy"]![0]);
        Assert.True((double)body["confidence"]! > 0.5);
        Assert.Equal("t1", (string?)body["provenance"]!["tenant_id"]);
        Assert.Equal("rules", (string?)body["provenance"]!["route"]);
        Assert.Equal("2025.09", (string?)body["version_info"]!["taxonomy"]);
        Assert.Equal("rules", (string?)body["version_info"]!["model"]);
        Assert.Contains("no_model", (string?)body["notes"]);
        Assert.Equal("", response.Header("Deprecation"));
        Assert.Matches("^[A-Za-z0-9._-]{1,128}$", response.Header("X-Request-ID"));
    }

    [Fact]
    public async Task Map_LegacyDetectorRequest_AnswersWithDeprecationHeaders()
    {
        using var response = await _client.PostAsync("/map", """{"detector":"presidio","output":"US_SSN","metadata":{"anything":"goes"}}""");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("true", response.Header("Deprecation"));
        var sunset = DateTimeOffset.ParseExact(response.Header("Sunset"), "R", CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero), sunset);
        Assert.Matches("^<[^>]+>; rel=\"sunset\"$", response.Header("Link"));
        Assert.Equal("PII.Identifier.SSN", (string?)(await response.JsonAsync())["taxonomy"]![0]);
    }

    [Fact]
    public async Task Map_SaneClientRequestId_IsEchoed()
    {
        using var response = await _client.PostAsync("/map", Http.Ssn, ("X-Request-ID", "client-1.2_3"));

        Assert.Equal("client-1.2_3", response.Header("X-Request-ID"));
    }

    [Fact]
    public async Task Map_InsaneClientRequestId_IsReplaced()
    {
        using var response = await _client.PostAsync("/map", Http.Ssn, ("X-Request-ID", "bad id with spaces"));

        Assert.NotEqual("bad id with spaces", response.Header("X-Request-ID"));
        Assert.Matches("^[A-Za-z0-9._-]{1,128}$", response.Header("X-Request-ID"));
    }

    [Fact]
    public async Task Map_NotJson_Returns422WithRequestId()
    {
        using var response = await _client.PostAsync("/map", "detector=presidio", ("X-Request-ID", "req-422"));

        var detail = await response.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.Equal("req-422", (string?)detail["request_id"]);
        Assert.Contains("not valid JSON", (string?)detail["message"]);
    }

    [Theory]
    [InlineData("""{"output":"US_SSN","tenant_id":"t1"}""", "detector:")]
    [InlineData("""{"detector":"presidio","output":5,"tenant_id":"t1"}""", "output: must be a string")]
    [InlineData("""{"detector":"presidio","tenant_id":"t1"}""", "output: required")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","tenant_id":""}""", "tenant_id: required, 1 to 64 characters")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","tenant_id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""", "tenant_id:")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","tenant_id":7}""", "tenant_id:")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"bogus":1}}""", "metadata.bogus: unknown field")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"coverage_achieved":2}}""", "metadata.coverage_achieved")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"aggregation_method":"mean"}}""", "metadata.aggregation_method")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"normalized_scores":{"PII":1.5}}}""", "metadata.normalized_scores")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"conflict_resolution_applied":"yes"}}""", "metadata.conflict_resolution_applied")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"provenance":[{"detector":"a","confidence":1.5}]}}""", "metadata.provenance[0].confidence")]
    [InlineData("""{"detector":"presidio","output":"US_SSN","metadata":"free text"}""", "metadata: must be an object")]
    [InlineData("""["presidio","US_SSN"]""", "body: must be a JSON object")]
    public async Task Map_NeitherShape_Returns422NamingTheField(string body, string expected)
    {
        using var response = await _client.PostAsync("/map", body);

        var detail = await response.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.Contains(expected, (string?)detail["message"]);
    }

    [Fact]
    public async Task Map_FullValidMetadata_Accepted()
    {
        const string body = """
            {"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"contributing_detectors":["presidio"],
             "normalized_scores":{"PII.Identifier.SSN":0.9},"conflict_resolution_applied":false,"aggregation_method":"majority_vote",
             "coverage_achieved":1,"provenance":[{"detector":"presidio","confidence":0.9,"output":"US_SSN","processing_time_ms":3}]}}
            """;

        using var response = await _client.PostAsync("/map", body);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("", response.Header("Deprecation"));
    }

    [Fact]
    public async Task Map_Oversize_Returns400()
    {
        var body = "{\"detector\":\"presidio\",\"output\":\"US_SSN\",\"tenant_id\":\"t1\",\"pad\":[" + string.Join(',', Enumerable.Repeat("\"x\"", 30_000)) + "]}";

        using var response = await _client.PostAsync("/map", body);

        var detail = await response.AssertErrorAsync(400, "INVALID_REQUEST");
        Assert.Contains("64 KB", (string?)detail["message"]);
    }

    [Theory]
    [InlineData("long-string")]
    [InlineData("newlines")]
    [InlineData("base64")]
    [InlineData("content-key")]
    [InlineData("content-key-newlines")]
    public async Task Map_RawContent_Returns400WithoutEchoingIt(string trigger)
    {
        const string marker = "SECRETMARKER";
        var body = trigger switch
        {
            "long-string" => Payload(output: marker + new string('a', 2100)),
            "newlines" => Payload(output: marker + "\\na\\nb\\nc"),
            "base64" => Payload(output: marker + Convert.ToBase64String(new byte[300])),
            "content-key" => """{"detector":"presidio","output":"US_SSN","metadata":{"text":"SECRETMARKER""" + new string('w', 600) + "\"}}",
            _ => """{"detector":"presidio","output":"US_SSN","metadata":{"nested":{"prompt":"SECRETMARKER\na\nb"}}}""",
        };

        using var response = await _client.PostAsync("/map", body);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var detail = await response.AssertErrorAsync(400, "INVALID_REQUEST");
        Assert.StartsWith("raw_content", (string?)detail["message"]);
        Assert.DoesNotContain(marker, text);
    }

    private static string Payload(string output) => $$"""{"detector":"presidio","output":"{{output}}","tenant_id":"t1"}""";
}
