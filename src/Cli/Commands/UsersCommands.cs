using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mapper.Cli.Remote;

namespace Mapper.Cli.Commands;

/// <summary><c>mapper users add NAME</c> (password at a prompt or on stdin) and <c>mapper users list</c>; both take the admin role.</summary>
public static class UsersCommands
{
    public static readonly string[] Roles = ["viewer", "operator", "admin"];

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        RemoteCommands.Define(
            ["users", "add"],
            "mapper users add NAME --role viewer|operator|admin --reason TEXT   (password at the prompt, or the first line of stdin)",
            ["--role", "--reason"], [], AddAsync, arguments: ["NAME"]),
        RemoteCommands.Define(["users", "list"], "mapper users list", [], [], ListAsync),
    ];

    private static async Task<int> AddAsync(RemoteCall call)
    {
        var name = call.Line.Argument("NAME");
        var role = call.Line.Required("--role");
        if (!Roles.Contains(role, StringComparer.Ordinal))
        {
            throw new UsageException($"--role must be one of {string.Join(", ", Roles)}, not '{role}'");
        }

        var reason = call.Reason();
        using var client = call.Authenticated();
        var password = await Secrets.ReadAsync(call.Context, $"password for the new account {name}: ", confirm: true);
        var body = new NewUserRequest(name, role, password, reason);
        return await call.AppliedAsync(await client.SendAsync(HttpMethod.Post, "api/v1/users", body, call.CancellationToken));
    }

    private static async Task<int> ListAsync(RemoteCall call)
    {
        using var client = call.Authenticated();
        var response = await client.GetAsync("api/v1/users", call.CancellationToken);
        var accounts = response.Deserialize<List<Account>>(ApiViews.Json)!;
        // --format json prints one object: the console's array under "users".
        return await call.WriteAsync(new JsonObject { ["users"] = response.DeepClone() }, Text(accounts));
    }

    private static string Text(List<Account> accounts)
    {
        var text = new StringBuilder($"{accounts.Count} accounts:");
        foreach (var a in accounts)
        {
            var state = a.Disabled ? "disabled" : a.LockedUntil is { } until ? $"locked until {RemoteCall.Time(until)}" : "active";
            text.Append(CultureInfo.InvariantCulture, $"\n  {a.Name,-24} {a.Role,-9} {state,-10} created {RemoteCall.Time(a.CreatedAt)}");
        }

        return text.ToString();
    }
}
