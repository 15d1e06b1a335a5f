using System.Text.Json;
using Mapper.Cli.Remote;

namespace Mapper.Cli.Commands;

/// <summary><c>mapper runtime show-mode</c> and <c>mapper runtime kill-switch on|off</c>.</summary>
public static class RuntimeCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        RemoteCommands.Define(["runtime", "show-mode"], "mapper runtime show-mode", [], [], ShowModeAsync),
        RemoteCommands.Define(
            ["runtime", "kill-switch", "on"],
            "mapper runtime kill-switch on --reason TEXT [--revert-after 30m] [--expected-epoch N]   (rules answer every request)",
            ["--reason", "--revert-after", "--expected-epoch"], [], call => KillSwitchAsync(call, on: true)),
        RemoteCommands.Define(
            ["runtime", "kill-switch", "off"],
            "mapper runtime kill-switch off --reason TEXT [--expected-epoch N]",
            ["--reason", "--expected-epoch"], [], call => KillSwitchAsync(call, on: false)),
    ];

    private static async Task<int> ShowModeAsync(RemoteCall call)
    {
        using var client = call.Authenticated();
        var response = await client.GetAsync("api/v1/controls", call.CancellationToken);
        var controls = response.Deserialize<Controls>(ApiViews.Json)!;
        return await call.WriteAsync(response, Text(controls));
    }

    private static async Task<int> KillSwitchAsync(RemoteCall call, bool on)
    {
        var reason = call.Reason();
        var revertAfter = call.Line.Value("--revert-after") is { } text ? Durations.Parse("--revert-after", text) : (TimeSpan?)null;
        var body = new KillSwitchRequest(on, reason, revertAfter?.TotalMinutes, call.ExpectedEpoch());
        using var client = call.Authenticated();
        return await call.AppliedAsync(await client.SendAsync(HttpMethod.Put, "api/v1/controls/kill-switch", body, call.CancellationToken));
    }

    private static string Text(Controls c)
    {
        var k = c.KillSwitch;
        if (k.On)
        {
            var revert = k.RevertAt is { } at ? $", reverts to hybrid at {RemoteCall.Time(at)}" : ", until someone turns it off";
            return $"mode rules_only: kill switch on since {RemoteCall.Time(k.SinceAt)} by {k.By ?? "-"} (\"{k.Reason}\"){revert} (epoch {c.Epoch})";
        }

        var mode = c.Mode;
        var changed = mode.ChangedBy is null ? "the configured default" : $"last changed by {mode.ChangedBy} at {RemoteCall.Time(mode.ChangedAt)}: \"{mode.Reason}\"";
        var meaning = mode.Value == "hybrid" ? "the model answers, the rules back it up" : "the rules answer every request (configured)";
        return $"mode {mode.Value}: {meaning}; kill switch off ({changed}; epoch {c.Epoch})";
    }
}
