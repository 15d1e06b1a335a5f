using System.Text.Json.Nodes;

namespace Mapper.Cli.Tests.Remote;

public sealed class ThresholdsCommandsTests(InMemoryConsole console) : IClassFixture<InMemoryConsole>
{
    [Fact]
    public async Task SetShowClear_DetectorThreshold_RoundTrips()
    {
        var admin = await console.AdminAsync();

        var set = await admin.RunAsync(["thresholds", "set", "--detector", "Presidio", "--value", "0.85", "--reason", "presidio noisy tonight"]);
        var shown = await admin.RunAsync(["thresholds", "show"]);
        var live = await console.GetAsync("/api/v1/controls", admin);
        var clear = await admin.RunAsync(["thresholds", "clear", "--detector", "presidio", "--reason", "quiet again"]);
        var after = await admin.RunAsync(["thresholds", "show"]);
        var again = await admin.RunAsync(["thresholds", "clear", "--detector", "presidio", "--reason", "twice"]);

        Assert.Equal(0, set.ExitCode);
        Assert.Matches(@"^threshold for presidio is now 0\.85 \(audit row \d+, epoch \d+\)", set.Out);
        Assert.Matches(@"\n  presidio +0\.85 +set by admin at .+: ""presidio noisy tonight""", shown.Out);
        var detector = Assert.Single(live["detector_thresholds"]!.AsArray())!;
        Assert.Equal("presidio", (string?)detector["detector"]);
        Assert.Equal(0.85, (double)detector["value"]!);
        Assert.Equal(0, clear.ExitCode);
        Assert.StartsWith("presidio follows the global threshold again", clear.Out, StringComparison.Ordinal);
        Assert.Contains("no detector thresholds: every detector follows the global one", after.Out, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("detector: presidio has no threshold of its own to clear (HTTP 422 INVALID_REQUEST)", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_WithoutDetector_ChangesTheGlobalThreshold()
    {
        var admin = await console.AdminAsync();

        var set = await admin.RunAsync(["thresholds", "set", "--value", "0.65", "--reason", "fewer low-confidence model answers"]);
        var shown = await admin.RunAsync(["thresholds", "show"]);
        var back = await admin.RunAsync(["thresholds", "set", "--value", "0.6", "--reason", "back to the default"]);

        Assert.Equal(0, set.ExitCode);
        Assert.StartsWith("global threshold is now 0.65", set.Out, StringComparison.Ordinal);
        Assert.StartsWith("global threshold 0.65 (set by admin at ", shown.Out, StringComparison.Ordinal);
        Assert.Equal(0, back.ExitCode);
        Assert.Equal(0.6, (double)(await console.GetAsync("/api/v1/controls", admin))["threshold"]!["value"]!);
    }

    [Theory]
    [InlineData("abc", "--value must be a number such as 0.7, not 'abc'")]
    [InlineData("NaN", "--value must be a number such as 0.7, not 'NaN'")]
    [InlineData("1.5", "value: 1.5 is outside [0, 1] (HTTP 422 INVALID_REQUEST)")]
    public async Task Set_BadValue_ExitsTwo(string value, string message)
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync(["thresholds", "set", "--detector", "presidio", "--value", value, "--reason", "x"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_UnknownDetector_ExitsTwoQuotingTheConsole()
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync(["thresholds", "set", "--detector", "no such detector", "--value", "0.7", "--reason", "x"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("detector: 'no such detector' is not a detector the mapping data knows", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_FormatJson_IsTheConsolesControlsObject()
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync(["thresholds", "show", "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!.AsObject();
        Assert.Equal(JsonNode.Parse((await console.GetAsync("/api/v1/controls", admin)).ToJsonString())!["epoch"]!.GetValue<long>(), json["epoch"]!.GetValue<long>());
        Assert.True(json.ContainsKey("detector_thresholds"));
    }
}
