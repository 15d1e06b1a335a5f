using System.Text.Json.Nodes;
using Mapper.Cli.Remote;

namespace Mapper.Cli.Commands;

/// <summary><c>mapper drills show|start|stop</c>: practise on a real fault that ends by itself (admin).</summary>
public static class DrillsCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        RemoteCommands.Define(["drills", "show"], "mapper drills show", [], [], ShowAsync),
        RemoteCommands.Define(
            ["drills", "start"],
            "mapper drills start KIND --for 5m --reason TEXT   (KIND: model-error, latency, schema-invalid, queue-stall, http-5xx; it ends by itself)",
            ["--for", "--reason"], [], StartAsync, arguments: ["KIND"]),
        RemoteCommands.Define(["drills", "stop"], "mapper drills stop", [], [], StopAsync),
    ];

    private static async Task<int> ShowAsync(RemoteCall call)
    {
        using var client = call.Authenticated();
        var view = await client.GetAsync("api/v1/drills", call.CancellationToken);
        var running = view["running"];
        var text = running is null
            ? "no drill is running; kinds: " + string.Join(", ", view["kinds"]!.AsArray().Select(k => (string?)k))
            : $"{(string?)running["kind"]} drill until {(string?)running["until"]}, started by {(string?)running["started_by"]}: {(string?)view["describes"]}";
        return await call.WriteAsync(view, text);
    }

    private static async Task<int> StartAsync(RemoteCall call)
    {
        var kind = call.Line.Argument("KIND");
        var duration = Durations.Parse("--for", call.Line.Required("--for"));
        var body = new JsonObject { ["kind"] = kind, ["for_minutes"] = duration.TotalMinutes, ["reason"] = call.Reason() };
        using var client = call.Authenticated();
        return await call.AppliedAsync(await client.SendAsync(HttpMethod.Post, "api/v1/drills", body, call.CancellationToken));
    }

    private static async Task<int> StopAsync(RemoteCall call)
    {
        using var client = call.Authenticated();
        return await call.AppliedAsync(await client.SendAsync(HttpMethod.Delete, "api/v1/drills", null, call.CancellationToken));
    }
}
