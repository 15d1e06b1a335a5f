using System.Globalization;
using System.Text;
using System.Text.Json;
using Mapper.Cli.Remote;
using Mapper.Engine.Model.Adapters;

namespace Mapper.Cli.Commands;

/// <summary>
/// <c>mapper adapters list|activate|rollback</c> against the console: it gates the version, records the revision and the
/// audit row, then swaps. (<c>adapters train</c> and <c>adapters evaluate</c> stay offline: they write or read folders only.)
/// </summary>
public static class AdapterRemoteCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        RemoteCommands.Define(["adapters", "list"], "mapper adapters list   (stored versions with metrics, and which served when)", [], [], ListAsync),
        RemoteCommands.Define(
            ["adapters", "activate"],
            "mapper adapters activate --version X.Y.Z [--id ID] --reason TEXT [--expected-epoch N]   (gated, then live as a new revision)",
            ["--version", "--id", "--reason", "--expected-epoch"], [], ActivateAsync),
        RemoteCommands.Define(
            ["adapters", "rollback"],
            "mapper adapters rollback --to X.Y.Z --reason TEXT [--expected-epoch N]   (back to a version that served before)",
            ["--to", "--reason", "--expected-epoch"], [], RollbackAsync),
    ];

    private static async Task<int> ListAsync(RemoteCall call)
    {
        using var client = call.Authenticated();
        var response = await client.GetAsync("api/v1/adapters", call.CancellationToken);
        return await call.WriteAsync(response, Text(response.Deserialize<Adapters>(ApiViews.Json)!));
    }

    private static async Task<int> ActivateAsync(RemoteCall call)
    {
        var version = Version(call, "--version");
        var id = call.Line.Value("--id");
        if (id is not null && !AdapterVersion.IsValidId(id))
        {
            throw new UsageException($"--id must be lower-case letters, digits and '-', not '{id}'");
        }

        var body = new ActivateRequest(version, id, call.Reason(), call.ExpectedEpoch());
        using var client = call.Authenticated();
        return await call.AppliedAsync(await client.SendAsync(HttpMethod.Post, "api/v1/adapters/activate", body, call.CancellationToken));
    }

    private static async Task<int> RollbackAsync(RemoteCall call)
    {
        var body = new RollbackRequest(Version(call, "--to"), call.Reason(), call.ExpectedEpoch());
        using var client = call.Authenticated();
        return await call.AppliedAsync(await client.SendAsync(HttpMethod.Post, "api/v1/adapters/rollback", body, call.CancellationToken));
    }

    private static string Version(RemoteCall call, string flag)
    {
        var version = call.Line.Required(flag);
        return AdapterVersion.IsValid(version) ? version : throw new UsageException($"{flag} must be MAJOR.MINOR.PATCH, not '{version}'");
    }

    private static string Text(Adapters a)
    {
        var text = new StringBuilder(a.Active is null
            ? $"serving: no adapter (state {a.State}): hybrid answers come from the rules"
            : $"serving {a.Active} (revision {a.Revision}, state {a.State})");
        if (a.LastError is { } error)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nlast error: {error}");
        }

        text.Append(a.Versions.Count == 0 ? "\nno stored versions" : "\nversions:\n  " + string.Join("\n  ", a.Versions.Select(Line)));
        text.Append(a.History.Count == 0 ? "\nno activations recorded" : "\nactivations, oldest first:\n  " + string.Join("\n  ", a.History.Select(Line)));
        if (a.Unreadable is { Count: > 0 } unreadable)
        {
            text.Append("\nunreadable folders (skipped): " + string.Join(", ", unreadable));
        }

        return text.ToString();
    }

    private static string Line(AdapterVersionView v)
    {
        var m = v.Metrics;
        return string.Create(CultureInfo.InvariantCulture,
            $"{v.Name,-24} created {RemoteCall.Time(v.Created)}  parent {v.ParentVersion ?? "-",-7} rows {v.TrainingRows,6}  " +
            $"calibration {Percent(m.CalibrationAccuracy)} ECE {m.ExpectedCalibrationError:0.000}  at {m.Threshold:0.00}: accuracy {Percent(m.AccuracyAtThreshold)} " +
            $"coverage {Percent(m.Coverage)}  rule rows {Percent(m.RuleRowAccuracy)}");
    }

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Line(AdapterServedView s) =>
        $"rev {s.Revision,-3} {s.Kind,-9} {s.Adapter,-24} from {s.From,-24} by {s.Actor,-10} {RemoteCall.Time(s.ActivatedAt)} to {(s.DeactivatedAt is { } end ? RemoteCall.Time(end) : "now")}" +
        (s.Reason is { } reason ? $"  \"{reason}\"" : "");
}
