using System.Text.Json.Nodes;

namespace Mapper.Cli.Tests.Remote;

/// <summary><c>mapper runtime</c> against a real in-memory console (one per class; tests run in turn).</summary>
public sealed class RuntimeCommandsTests(InMemoryConsole console) : IClassFixture<InMemoryConsole>
{
    [Fact]
    public async Task KillSwitch_OnThenOff_AppliesAndTheAuditRowSaysDoorCli()
    {
        var admin = await console.AdminAsync();

        var on = await admin.RunAsync(["runtime", "kill-switch", "on", "--reason", "drill: model path suspect", "--revert-after", "30m"]);
        var whileOn = await admin.RunAsync(["runtime", "show-mode"]);
        var row = (await console.GetAsync("/api/v1/audit?action=controls.kill_switch&size=1", admin))["rows"]![0]!;
        var off = await admin.RunAsync(["runtime", "kill-switch", "off", "--reason", "drill over"]);
        var afterOff = await admin.RunAsync(["runtime", "show-mode"]);

        Assert.Equal(0, on.ExitCode);
        Assert.Matches(@"^kill switch on: the rules answer every request until .+ \(audit row (\d+), epoch (\d+)\)", on.Out);
        Assert.Contains($"audit row {(long)row["id"]!},", on.Out, StringComparison.Ordinal);
        Assert.Equal("cli", (string?)row["door"]);
        Assert.Equal("admin", (string?)row["actor"]);
        Assert.Equal("applied", (string?)row["result"]);
        Assert.Equal("drill: model path suspect", (string?)row["reason"]);
        Assert.StartsWith("mode rules_only: kill switch on since ", whileOn.Out, StringComparison.Ordinal);
        Assert.Contains("by admin (\"drill: model path suspect\"), reverts to hybrid at ", whileOn.Out, StringComparison.Ordinal);
        Assert.Equal(0, off.ExitCode);
        Assert.StartsWith("kill switch off: the model answers again", off.Out, StringComparison.Ordinal);
        Assert.StartsWith("mode hybrid: the model answers, the rules back it up; kill switch off (last changed by admin", afterOff.Out, StringComparison.Ordinal);
        Assert.Equal("hybrid", (string?)(await console.GetAsync("/api/v1/controls", admin))["mode"]!["value"]);
    }

    [Fact]
    public async Task KillSwitch_AsViewer_ExitsOneAndTheRefusalIsAuditedAsDenied()
    {
        var admin = await console.AdminAsync();
        var added = await admin.RunAsync(["users", "add", "vera", "--role", "viewer", "--reason", "read-only on-call"], stdin: "vera-password-123\n");
        var vera = await console.LoginAsync("vera", "vera-password-123");

        var run = await vera.RunAsync(["runtime", "kill-switch", "on", "--reason", "trying"]);

        Assert.Equal(0, added.ExitCode);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("viewer may not controls.kill_switch: it takes the operator role (HTTP 403 INSUFFICIENT_RBAC)", run.Err, StringComparison.Ordinal);
        var denied = (await console.GetAsync("/api/v1/audit?actor=vera&result=denied", admin))["rows"]!.AsArray();
        var row = Assert.Single(denied)!;
        Assert.Equal("controls.kill_switch", (string?)row["action"]);
        Assert.Equal("cli", (string?)row["door"]);
        Assert.Equal("viewer", (string?)row["role"]);
        Assert.False((bool)(await console.GetAsync("/api/v1/controls", admin))["kill_switch"]!["on"]!);
    }

    [Fact]
    public async Task KillSwitch_WithoutReason_ExitsTwoAndChangesNothing()
    {
        var admin = await console.AdminAsync();
        var before = (long)(await console.GetAsync("/api/v1/controls", admin))["epoch"]!;

        var missing = await admin.RunAsync(["runtime", "kill-switch", "on"]);
        var blank = await admin.RunAsync(["runtime", "kill-switch", "on", "--reason", "   "]);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--reason is required", missing.Err, StringComparison.Ordinal);
        Assert.Contains("usage: mapper runtime kill-switch on", missing.Err, StringComparison.Ordinal);
        Assert.Equal(2, blank.ExitCode);
        Assert.Contains("reason: required for controls.kill_switch", blank.Err, StringComparison.Ordinal);
        Assert.Equal(before, (long)(await console.GetAsync("/api/v1/controls", admin))["epoch"]!);
    }

    [Fact]
    public async Task KillSwitch_StaleExpectedEpoch_ExitsOneNamingWhoChangedIt()
    {
        var admin = await console.AdminAsync();
        var seen = JsonNode.Parse((await admin.RunAsync(["runtime", "show-mode", "--format", "json"])).Out)!["epoch"]!.GetValue<long>();
        Assert.Equal(0, (await admin.RunAsync(["thresholds", "set", "--detector", "llama-guard", "--value", "0.7", "--reason", "someone else's change"])).ExitCode);

        var stale = await admin.RunAsync(["runtime", "kill-switch", "on", "--reason", "incident 7", "--expected-epoch", seen.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var current = JsonNode.Parse((await admin.RunAsync(["runtime", "show-mode", "--format", "json"])).Out)!["epoch"]!.GetValue<long>();
        var fresh = await admin.RunAsync(["thresholds", "clear", "--detector", "llama-guard", "--reason", "undo", "--expected-epoch", current.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("changed by admin at ", stale.Err, StringComparison.Ordinal);
        Assert.Contains("(controls.detector_threshold)", stale.Err, StringComparison.Ordinal);
        Assert.Contains($"(epoch {seen}, now {seen + 1})", stale.Err, StringComparison.Ordinal);
        Assert.Contains("HTTP 409 STALE", stale.Err, StringComparison.Ordinal);
        Assert.Equal(0, fresh.ExitCode);
        Assert.False((bool)(await console.GetAsync("/api/v1/controls", admin))["kill_switch"]!["on"]!);
    }

    [Theory]
    [InlineData("30x")]
    [InlineData("0m")]
    [InlineData("-5m")]
    [InlineData("1h30m")]
    [InlineData("soon")]
    public async Task KillSwitch_BadRevertAfter_ExitsTwoBeforeCallingTheConsole(string duration)
    {
        // No login: a bad flag is found before any token is needed.
        var run = await console.Session().RunAsync(["runtime", "kill-switch", "on", "--reason", "x", "--revert-after", duration]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--revert-after must be a duration like 90s, 30m, 2h or 1d, not '{duration}'", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillSwitch_RevertAfterPastTheConsolesLimit_ExitsTwoQuotingIt()
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync(["runtime", "kill-switch", "on", "--reason", "long weekend", "--revert-after", "8d"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("revert_after_minutes: give 1 to 10080", run.Err, StringComparison.Ordinal);
        Assert.Contains("HTTP 422 INVALID_REQUEST", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowMode_WithoutToken_ExitsOneSayingHowToLogIn()
    {
        var run = await console.Session().RunAsync(["runtime", "show-mode"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not logged in to http://console.test: run `mapper login --user NAME --url http://console.test`, or set MAPPER_TOKEN", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowMode_MapperTokenVariable_WinsOverTheSavedToken()
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync(["runtime", "show-mode"], environment: new Dictionary<string, string> { ["MAPPER_TOKEN"] = "mpr_revokedOrMadeUp0000000000000000000000000" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTP 401 UNAUTHORIZED", run.Err, StringComparison.Ordinal);
        Assert.Contains("the token was refused", run.Err, StringComparison.Ordinal);
    }
}
