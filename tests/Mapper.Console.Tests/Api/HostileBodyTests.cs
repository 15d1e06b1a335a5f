using System.Net.Http.Headers;
using System.Text;
using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Api;

/// <summary>Bodies the JSON parser reads but the API must not take: each is a 422 naming the field, never a 500.</summary>
public sealed class HostileBodyTests(SharedApp app) : IClassFixture<SharedApp>
{
    private readonly HttpClient _client = app.Client;

    public static TheoryData<string, string, string> Refused => new()
    {
        // path, body (\xFF style escapes become raw bytes: invalid UTF-8), the field the message must name
        { "/map", """{"detector":"presidio","output":"US_\xFF\xFE","tenant_id":"t1"}""", "output: not valid Unicode" },
        { "/map", """{"detector":"presidio","output":"\xC0\xAF","tenant_id":"t1"}""", "output: not valid Unicode" },
        { "/map", """{"detector":"presidio","output":"\xED\xA0\x80","tenant_id":"t1"}""", "output: not valid Unicode" },
        { "/map", """{"detector":"presidio","output":"\ud800","tenant_id":"t1"}""", "output: not valid Unicode" },
        { "/map", """{"detector":"presidio","output":"US_SSN\udc00x","tenant_id":"t1"}""", "output: not valid Unicode" },
        { "/map", """{"detector":"\ud800","output":"US_SSN","tenant_id":"t1"}""", "detector: not valid Unicode" },
        { "/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t\ud800"}""", "tenant_id: not valid Unicode" },
        { "/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"\ud800":1}}""", "metadata: a key is not valid Unicode" },
        { "/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"contributing_detectors":["a","\xFF"]}}""", "metadata.contributing_detectors[1]: not valid Unicode" },
        { "/map/batch", """{"requests":[{"detector":"presidio","output":"US_SSN","tenant_id":"t1"},{"detector":"presidio","output":"\ud800","tenant_id":"t1"}]}""", "requests[1].output: not valid Unicode" },
        { "/map", """{"detector":"presidio","output":"US_SSN","output":"EMAIL_ADDRESS","tenant_id":"t1"}""", "output: a duplicate key" },
        { "/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t1","tenant_\u0069d":"t2"}""", "tenant_id: a duplicate key" },
        { "/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"coverage_achieved":0.5,"coverage_achieved":0.7}}""", "metadata.coverage_achieved: a duplicate key" },
        { "/map/batch", """{"requests":[{"detector":"presidio","output":"US_SSN","tenant_id":"t1"}],"requests":[]}""", "requests: a duplicate key" },
        { "/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"coverage_achieved":1e400}}""", "metadata.coverage_achieved: a number beyond the range of a double" },
        { "/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t1","metadata":{"provenance":[{"detector":"a","processing_time_ms":1e400}]}}""", "metadata.provenance[0].processing_time_ms: a number beyond" },
        { "/map", """{"detector":"presidio","output":"US_SSN","metadata":{"free":-1e999}}""", "metadata.free: a number beyond" },
        { "/map", "", "body: required" },
        { "/map", """{"detector":"presidio","output":"US_SSN",""", "body: not valid JSON" },
        { "/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t1",}""", "body: not valid JSON" },
        { "/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t1"} // comment""", "body: not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Map_HostileBody_Returns422NamingTheField(string path, string body, string expected)
    {
        using var response = await PostBytesAsync(path, Bytes(body));

        var detail = await response.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.StartsWith(expected, (string?)detail["message"]);
    }

    [Fact]
    public async Task Map_NestedToTheLimit_Accepted()
    {
        using var response = await _client.PostAsync("/map", Legacy(Nested(JsonBodyLimit - 1)));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Map_NestedPastTheLimit_Returns422NamingThePlace()
    {
        using var response = await _client.PostAsync("/map", Legacy(Nested(JsonBodyLimit)));

        var detail = await response.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.StartsWith("metadata.a.a.", (string?)detail["message"]);
        Assert.Contains("nested deeper than 32 levels", (string?)detail["message"]);
    }

    [Fact]
    public async Task Map_DuplicateKeyInALargeObject_Returns422NamingIt()
    {
        var keys = string.Join(',', Enumerable.Range(0, 40).Select(i => $"\"k{i}\":{i}"));

        using var unique = await _client.PostAsync("/map", Legacy("{" + keys + "}"));
        using var duplicate = await _client.PostAsync("/map", Legacy("{" + keys + ",\"k\\u0037\":1}"));

        Assert.Equal(200, (int)unique.StatusCode);
        var detail = await duplicate.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.Equal("metadata.k7: a duplicate key; each key may appear once", (string?)detail["message"]);
    }

    [Fact]
    public async Task Map_ByteOrderMark_Accepted()
    {
        using var response = await PostBytesAsync("/map", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Http.Ssn)]);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Map_ValidSurrogatePairAndControlEscapes_Accepted()
    {
        using var response = await _client.PostAsync("/map", """{"detector":"presidio","output":"US_SSN\ud83d\ude00\u0000","tenant_id":"t1\u200f"}""");

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain", "Content-Type: must be application/json")]
    [InlineData("text/plain; charset=utf-8", "Content-Type: must be application/json")]
    [InlineData("application/x-www-form-urlencoded", "Content-Type: must be application/json")]
    [InlineData("multipart/form-data; boundary=x", "Content-Type: must be application/json")]
    [InlineData("application/json; charset=utf-16", "Content-Type: charset must be utf-8")]
    [InlineData("json", "Content-Type: not a media type")]
    [InlineData(null, "Content-Type: required")]
    public async Task Map_NotDeclaredJson_Returns415NamingContentType(string? contentType, string expected)
    {
        foreach (var path in new[] { "/map", "/map/batch" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Http.Ssn)) };
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

            var detail = await response.AssertErrorAsync(415, "INVALID_REQUEST");
            Assert.StartsWith(expected, (string?)detail["message"]);
        }
    }

    [Theory]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/vnd.mapper+json")]
    public async Task Map_JsonMediaTypes_Accepted(string contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Http.Ssn));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await _client.PostAsync("/map", content, TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
    }

    private const int JsonBodyLimit = 32;

    /// <summary>A legacy body around <paramref name="metadata"/>: the body is one level deeper than it.</summary>
    private static string Legacy(string metadata) => $$"""{"detector":"presidio","output":"US_SSN","metadata":{{metadata}}}""";

    private static string Nested(int levels) => string.Concat(Enumerable.Repeat("{\"a\":", levels - 1)) + "{}" + new string('}', levels - 1);

    /// <summary>The test text as UTF-8, except that \xNN writes the raw byte NN (so a body can hold invalid UTF-8).</summary>
    private static byte[] Bytes(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x')
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 2, 2), 16));
                i += 3;
                continue;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }

        return [.. bytes];
    }

    private async Task<HttpResponseMessage> PostBytesAsync(string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await _client.PostAsync(path, content, TestContext.Current.CancellationToken);
    }
}
