using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Mapper.Console.Tests.Support;

/// <summary>Admin API calls as a script would make them: a token from credentials, then JSON requests.</summary>
public static class ApiCalls
{
    public static async Task<HttpClient> SignedInAsync(this HttpClient client, string user = "admin", string password = MapperFactory.AdminPassword)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/tokens", new JsonObject { ["user"] = user, ["password"] = password });
        var body = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body["secret"]!);
        return client;
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, JsonNode body, CancellationToken? cancellationToken = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        return client.SendAsync(request, cancellationToken ?? TestContext.Current.CancellationToken);
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body.ToJsonString()}");
        return body;
    }

    /// <summary>Polls until <paramref name="check"/> holds or the deadline passes (then the last failure is thrown).</summary>
    public static async Task EventuallyAsync(Func<Task> check, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                await check();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
    }
}
