using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Mapper.Console.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Mapper.Console.Tests.Api;

/// <summary>
/// A POST through the whole in-memory pipeline from a chosen connection address (an HttpClient on the test
/// server has none), for the tests of per-address limits and trusted proxies.
/// </summary>
internal static class FromAddress
{
    public static async Task<HttpContext> PostAsync(
        this MapperFactory factory, string address, string path, string body, params (string Name, string Value)[] headers)
    {
        return await factory.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = path;
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
            foreach (var (name, value) in headers)
            {
                context.Request.Headers[name] = value;
            }
        }, TestContext.Current.CancellationToken);
    }

    public static JsonNode Json(this HttpContext context) => JsonNode.Parse(context.Response.Body)!;

    public static string Header(this HttpContext context, string name) => context.Response.Headers[name].ToString();
}
