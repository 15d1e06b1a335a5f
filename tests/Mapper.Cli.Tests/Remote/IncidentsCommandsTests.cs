using System.Text.Json.Nodes;

namespace Mapper.Cli.Tests.Remote;

/// <summary><c>mapper incidents</c> against a real in-memory console (one per class; tests run in turn).</summary>
public sealed class IncidentsCommandsTests(InMemoryConsole console) : IClassFixture<InMemoryConsole>
{
    [Fact]
    public async Task Open_ThenList_OpenIncidentFirstWithItsAlert()
    {
        var admin = await console.AdminAsync();

        var open = await admin.RunAsync(["incidents", "open", "--title", "5xx from /map", "--severity", "critical", "--alert", "Mapper5xxHigh"]);
        var id = Id(open);
        var list = await admin.RunAsync(["incidents", "list"]);
        var json = JsonNode.Parse((await admin.RunAsync(["incidents", "list", "--format", "json"])).Out)!.AsArray();

        Assert.Equal(0, open.ExitCode);
        Assert.Matches(@"^incident #\d+ opened: 5xx from /map \(alert Mapper5xxHigh linked\) \(audit row \d+, epoch \d+\)", open.Out);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains($"#{id,-4} critical investigating 5xx from /map  (started ", list.Out, StringComparison.Ordinal);
        Assert.Contains("commander admin, alerts Mapper5xxHigh)", list.Out, StringComparison.Ordinal);
        Assert.Contains(json, i => (long)i!["id"]! == id && (string?)i["status"] == "investigating");
        var row = (await console.GetAsync("/api/v1/audit?action=incidents.open&size=1", admin))["rows"]![0]!;
        Assert.Equal(("cli", id), ((string?)row["door"], (long)row["incident_id"]!));
    }

    [Fact]
    public async Task Note_WithOccurredAt_IsBackfilledAndShowSortsByIt()
    {
        var admin = await console.AdminAsync();
        var id = Id(await admin.RunAsync(["incidents", "open", "--title", "latency", "--severity", "warning"]));
        var earlier = DateTimeOffset.UtcNow.AddMinutes(-20).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

        var now = await admin.RunAsync(["incidents", "note", Id(id), "--text", "rolled back"]);
        var back = await admin.RunAsync(["incidents", "note", Id(id), "--text", "deploy went out", "--occurred-at", earlier]);
        var show = await admin.RunAsync(["incidents", "show", Id(id), "--kind", "note"]);
        var bad = await admin.RunAsync(["incidents", "note", Id(id), "--text", "x", "--occurred-at", "yesterday"]);

        Assert.Equal((0, 0, 0), (now.ExitCode, back.ExitCode, show.ExitCode));
        Assert.Contains("(occurred at ", back.Out, StringComparison.Ordinal);
        var lines = show.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"#{id} latency — warning, investigating, commander admin", lines[0], StringComparison.Ordinal);
        Assert.Equal(["deploy went out", "rolled back"], lines.Skip(1).Select(l => l.Split("note", 2)[1].Trim()));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--occurred-at must be an ISO-8601 time", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_NeedsAReasonThenResolves()
    {
        var admin = await console.AdminAsync();
        var id = Id(await admin.RunAsync(["incidents", "open", "--title", "queue stall", "--severity", "warning"]));

        var missing = await admin.RunAsync(["incidents", "resolve", Id(id)]);
        var resolved = await admin.RunAsync(["incidents", "resolve", Id(id), "--reason", "consumer restarted"]);
        var again = await admin.RunAsync(["incidents", "resolve", Id(id), "--reason", "twice"]);
        var view = await console.GetAsync($"/api/v1/incidents/{id}", admin);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--reason is required", missing.Err, StringComparison.Ordinal);
        Assert.Equal(0, resolved.ExitCode);
        Assert.StartsWith($"incident #{id} is now resolved", resolved.Out, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("is already resolved (HTTP 422 INVALID_REQUEST)", again.Err, StringComparison.Ordinal);
        Assert.Equal("resolved", (string?)view["incident"]!["status"]);
        Assert.NotNull(view["incident"]!["time_to_resolve_seconds"]);
    }

    [Fact]
    public async Task Export_ToFileAndStdout_ThePostMortemHoldsEveryEvent()
    {
        var admin = await console.AdminAsync();
        var id = Id(await admin.RunAsync(["incidents", "open", "--title", "schema drift", "--severity", "warning", "--summary", "model answers failed validation"]));
        await admin.RunAsync(["incidents", "note", Id(id), "--text", "adapter 7 went live before it", "--follow-up"]);
        var file = Path.Combine(console.Scratch, $"pm-{id}.md");

        var written = await admin.RunAsync(["incidents", "export", Id(id), "--out", file]);
        var stdout = await admin.RunAsync(["incidents", "export", Id(id)]);
        var events = (await console.GetAsync($"/api/v1/incidents/{id}", admin))["events"]!.AsArray();

        Assert.Equal(0, written.ExitCode);
        Assert.StartsWith($"wrote the post-mortem of incident #{id} to {file}", written.Out, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.StartsWith($"# Post-mortem: incident #{id}: schema drift", markdown, StringComparison.Ordinal);
        Assert.Contains("model answers failed validation", markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] adapter 7 went live before it (admin)", markdown, StringComparison.Ordinal);
        Assert.All(events, e => Assert.Contains((string)e!["title"]!, markdown, StringComparison.Ordinal));
        Assert.Equal(0, stdout.ExitCode);
        Assert.StartsWith($"# Post-mortem: incident #{id}: schema drift", stdout.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbs_BadInputOrUnknownIncident_ExitTwoOrOneNamingWhatIsWrong()
    {
        var admin = await console.AdminAsync();

        var severity = await admin.RunAsync(["incidents", "open", "--title", "t", "--severity", "sev1"]);
        var alert = await admin.RunAsync(["incidents", "open", "--title", "t", "--severity", "warning", "--alert", "MapperEverythingOnFire"]);
        var unknown = await admin.RunAsync(["incidents", "export", "999999"]);
        var notANumber = await admin.RunAsync(["incidents", "show", "abc"]);

        Assert.Equal(2, severity.ExitCode);
        Assert.Contains("--severity", severity.Err, StringComparison.Ordinal);
        Assert.Equal(2, alert.ExitCode);
        Assert.Contains("alert: 'MapperEverythingOnFire' is not an alert", alert.Err, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("there is no incident 999999 (HTTP 404 NOT_FOUND)", unknown.Err, StringComparison.Ordinal);
        Assert.Equal("", unknown.Out);
        Assert.Equal(2, notANumber.ExitCode);
    }

    [Fact]
    public async Task Open_AsViewer_IsDeniedAndAudited()
    {
        var admin = await console.AdminAsync();
        await admin.RunAsync(["users", "add", "ivy", "--role", "viewer", "--reason", "read-only on-call"], stdin: "ivy-password-12345\n");
        var ivy = await console.LoginAsync("ivy", "ivy-password-12345");

        var run = await ivy.RunAsync(["incidents", "open", "--title", "t", "--severity", "warning"]);
        var list = await ivy.RunAsync(["incidents", "list"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("viewer may not incidents.open: it takes the operator role", run.Err, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
    }

    private static long Id(CliRun open)
    {
        Assert.True(open.ExitCode == 0, open.Err);
        return long.Parse(System.Text.RegularExpressions.Regex.Match(open.Out, @"incident #(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
