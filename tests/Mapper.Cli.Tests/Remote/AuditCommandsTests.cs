using System.Text.Json;
using System.Text.Json.Nodes;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Cli.Tests.Remote;

public sealed class AuditCommandsTests(InMemoryConsole console) : IClassFixture<InMemoryConsole>
{
    [Fact]
    public async Task Verify_IntactChain_ExitsZeroWithTheRowCount()
    {
        var admin = await console.AdminAsync();
        var rows = (long)(await console.GetAsync("/api/v1/audit?size=1", admin))["total"]!;

        var run = await admin.RunAsync(["audit", "verify"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"audit log intact: {rows} rows verified", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RewrittenRow_ExitsOneNamingIt()
    {
        await using var tampered = new InMemoryConsole();
        var admin = await tampered.AdminAsync();
        var factory = tampered.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            // What someone with the database file could do: drop the append-only trigger and rewrite a reason.
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_log_no_update", TestContext.Current.CancellationToken);
            await db.Audit.Where(e => e.Id == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, "nothing to see"), TestContext.Current.CancellationToken);
        }

        var run = await admin.RunAsync(["audit", "verify"]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("audit log BROKEN at row 2: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("(1 rows before it verified)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Filters_ShowOnlyMatchingRowsNewestFirst()
    {
        var admin = await console.AdminAsync();
        Assert.Equal(0, (await admin.RunAsync(["thresholds", "set", "--detector", "regex-pii", "--value", "0.9", "--reason", "audit list test"])).ExitCode);
        Assert.Equal(0, (await admin.RunAsync(["thresholds", "clear", "--detector", "regex-pii", "--reason", "audit list test, undone"])).ExitCode);

        var run = await admin.RunAsync(["audit", "list", "--action", "controls", "--door", "cli", "--size", "2"]);
        var json = JsonNode.Parse((await admin.RunAsync(["audit", "list", "--action", "controls", "--door", "cli", "--size", "2", "--format", "json"])).Out)!;

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.TrimEnd().Split('\n');
        Assert.Matches(@"^rows 1 to 2 of \d+, newest first \(page 1, 2 a page\)$", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("applied admin (admin) via cli  controls.detector_threshold_clear threshold:regex-pii: 0.9 -> global (0.6) \"audit list test, undone\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("controls.detector_threshold threshold:regex-pii", lines[2], StringComparison.Ordinal);
        var rows = json["rows"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("cli", (string?)r!["door"]));
        Assert.True((long)rows[0]!["id"]! > (long)rows[1]!["id"]!);
    }

    [Theory]
    [InlineData("--from", "yesterday", "--from must be an ISO-8601 time")]
    [InlineData("--size", "0", "--size must be a whole number within [1, 500]")]
    [InlineData("--page", "x", "--page must be a whole number")]
    public async Task List_BadFlag_ExitsTwo(string flag, string value, string message)
    {
        var run = await (await console.AdminAsync()).RunAsync(["audit", "list", flag, value]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_CsvAndJsonToFiles_CountTheRowsTheyWrote()
    {
        var admin = await console.AdminAsync();
        var csvFile = Path.Combine(console.Scratch, "audit.csv");
        var jsonFile = Path.Combine(console.Scratch, "audit.json");

        var csv = await admin.RunAsync(["audit", "export", "--out", csvFile, "--door", "cli"]);
        var json = await admin.RunAsync(["audit", "export", "--format", "json", "--out", jsonFile, "--door", "cli"]);

        Assert.Equal(0, csv.ExitCode);
        Assert.Equal(0, json.ExitCode);
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(jsonFile, TestContext.Current.CancellationToken))!.AsArray();
        Assert.NotEmpty(exported);
        Assert.All(exported, r => Assert.Equal("cli", (string?)r!["door"]));
        var summary = JsonNode.Parse(json.Out)!;
        Assert.Equal(exported.Count, (int)summary["rows"]!);
        Assert.Equal(Path.GetFullPath(jsonFile), (string?)summary["file"]);
        var lines = (await File.ReadAllLinesAsync(csvFile, TestContext.Current.CancellationToken)).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("id,occurred_at,recorded_at,actor,role,door,action", lines[0], StringComparison.Ordinal);
        Assert.Equal($"exported {lines.Count - 1} audit rows as csv to {Path.GetFullPath(csvFile)}", csv.Out.TrimEnd());
        Assert.True(lines.Count - 1 >= exported.Count, "the CSV was exported first; rows are only ever added");
        Assert.False(File.Exists(csvFile + ".partial"));
    }

    [Fact]
    public async Task Export_WithoutOut_WritesTheExportItselfToStdout()
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync(["audit", "export", "--format", "json", "--action", "tokens.create"]);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        Assert.All(document.RootElement.EnumerateArray(), r => Assert.Equal("tokens.create", r.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Export_UnwritableOut_ExitsTwo()
    {
        var admin = await console.AdminAsync();
        var blocker = Path.Combine(console.Scratch, "a-file");
        await File.WriteAllTextAsync(blocker, "", TestContext.Current.CancellationToken);

        var run = await admin.RunAsync(["audit", "export", "--out", Path.Combine(blocker, "audit.csv")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out: cannot write", run.Err, StringComparison.Ordinal);
    }
}
