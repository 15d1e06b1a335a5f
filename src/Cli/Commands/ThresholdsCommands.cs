using System.Globalization;
using System.Text;
using System.Text.Json;
using Mapper.Cli.Remote;

namespace Mapper.Cli.Commands;

/// <summary><c>mapper thresholds show|set|clear</c>: the global confidence threshold and per-detector overrides.</summary>
public static class ThresholdsCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        RemoteCommands.Define(["thresholds", "show"], "mapper thresholds show", [], [], ShowAsync),
        RemoteCommands.Define(
            ["thresholds", "set"],
            "mapper thresholds set [--detector D] --value X --reason TEXT [--expected-epoch N]   (global without --detector)",
            ["--detector", "--value", "--reason", "--expected-epoch"], [], SetAsync),
        RemoteCommands.Define(
            ["thresholds", "clear"],
            "mapper thresholds clear --detector D --reason TEXT [--expected-epoch N]   (the detector follows the global threshold again)",
            ["--detector", "--reason", "--expected-epoch"], [], ClearAsync),
    ];

    private static async Task<int> ShowAsync(RemoteCall call)
    {
        using var client = call.Authenticated();
        var response = await client.GetAsync("api/v1/controls", call.CancellationToken);
        return await call.WriteAsync(response, Text(response.Deserialize<Controls>(ApiViews.Json)!));
    }

    private static async Task<int> SetAsync(RemoteCall call)
    {
        var detector = call.Line.Value("--detector");
        var text = call.Line.Required("--value");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new UsageException($"--value must be a number such as 0.7, not '{text}'");
        }

        var body = new ThresholdRequest(value, call.Reason(), call.ExpectedEpoch());
        var path = detector is null ? "api/v1/controls/threshold" : "api/v1/controls/thresholds/" + Uri.EscapeDataString(detector);
        using var client = call.Authenticated();
        return await call.AppliedAsync(await client.SendAsync(HttpMethod.Put, path, body, call.CancellationToken));
    }

    private static async Task<int> ClearAsync(RemoteCall call)
    {
        var detector = call.Line.Required("--detector");
        var body = new ReasonRequest(call.Reason(), call.ExpectedEpoch());
        using var client = call.Authenticated();
        return await call.AppliedAsync(await client.SendAsync(HttpMethod.Delete, "api/v1/controls/thresholds/" + Uri.EscapeDataString(detector), body, call.CancellationToken));
    }

    private static string Text(Controls c)
    {
        var t = c.Threshold;
        var text = new StringBuilder($"global threshold {RemoteCall.Number(t.Value)} ({Changed(t.ChangedBy, t.ChangedAt, t.Reason)}; epoch {c.Epoch})\n");
        if (c.DetectorThresholds.Count == 0)
        {
            return text.Append("no detector thresholds: every detector follows the global one").ToString();
        }

        text.Append("detector thresholds:");
        foreach (var d in c.DetectorThresholds)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {d.Detector,-28} {RemoteCall.Number(d.Value),-6} {Changed(d.ChangedBy, d.ChangedAt, d.Reason)}");
        }

        return text.ToString();
    }

    private static string Changed(string? by, DateTimeOffset? at, string? reason) =>
        by is null ? "the configured default" : $"set by {by} at {RemoteCall.Time(at)}: \"{reason}\"";
}
