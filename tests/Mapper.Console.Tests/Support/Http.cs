using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mapper.Console.Tests.Support;

internal static class Http
{
    public const string Ssn = """{"detector":"presidio","output":"US_SSN","tenant_id":"t1"}""";

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, string body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    /// <summary>Asserts the contract's error body and returns its detail.</summary>
    public static async Task<JsonNode> AssertErrorAsync(this HttpResponseMessage response, int status, string errorCode)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var detail = JsonNode.Parse(text)!["detail"]!;
        Assert.Equal(errorCode, (string?)detail["error_code"]);
        Assert.False(string.IsNullOrEmpty((string?)detail["message"]));
        Assert.Equal(response.Header("X-Request-ID"), (string?)detail["request_id"]);
        Assert.True(detail["retryable"]!.GetValueKind() is JsonValueKind.True or JsonValueKind.False);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return detail;
    }
}
