using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Support;

/// <summary>Accounts and bearer tokens on a test console, made through the real executor and the real token endpoint.</summary>
public static class Accounts
{
    public const string Password = "a-long-enough-password";

    public static OperatorExecutor Executor(this MapperFactory factory) => factory.Services.GetRequiredService<OperatorExecutor>();

    public static async Task AddUserAsync(this MapperFactory factory, string name, ConsoleRole role)
    {
        var outcome = await factory.Executor().RunAsync(Actor.System, new AddUser(name, role, Password) { Reason = "test account" }, TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, outcome.Message);
    }

    /// <summary>A bearer token for <paramref name="name"/> from <c>POST /api/v1/tokens</c> with the account's password.</summary>
    public static async Task<string> TokenAsync(this MapperFactory factory, string name, string? password = null)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostAsync("/api/v1/tokens", new JsonObject { ["user"] = name, ["password"] = password ?? Password }.ToJsonString());
        var body = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (string)body["secret"]!;
    }

    /// <summary>An API client acting as <paramref name="role"/> (an account of that role is made on first use).</summary>
    public static async Task<HttpClient> ClientAsAsync(this MapperFactory factory, ConsoleRole role)
    {
        var name = "test-" + ConsoleRoles.Name(role);
        var token = role == ConsoleRole.Admin ? await factory.TokenAsync("admin", MapperFactory.AdminPassword) : await TokenForAsync(factory, name, role);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TokenForAsync(MapperFactory factory, string name, ConsoleRole role)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Mapper.Console.Store.MapperUser>>();
        if (await users.FindByNameAsync(name) is null)
        {
            await factory.AddUserAsync(name, role);
        }

        return await factory.TokenAsync(name);
    }
}
