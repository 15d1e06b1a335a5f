using System.Globalization;
using System.Text.Json.Nodes;
using Mapper.Cli.Remote;

namespace Mapper.Cli.Commands;

/// <summary>
/// <c>mapper incidents list|show|open|note|resolve|export</c>: incidents on a running console (operator for changes).
/// Export writes the post-mortem Markdown to <c>--out</c>, or to stdout.
/// </summary>
public static class IncidentsCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        RemoteCommands.Define(["incidents", "list"], "mapper incidents list [--recent N]   (open ones first, then the most recently resolved)", ["--recent"], [], ListAsync),
        RemoteCommands.Define(["incidents", "show"], "mapper incidents show ID [--kind KIND]   (the timeline, sorted by occurred-at)", ["--kind"], [], ShowAsync, arguments: ["ID"]),
        RemoteCommands.Define(
            ["incidents", "open"], "mapper incidents open --title T --severity critical|warning [--alert NAME] [--summary TEXT]", ["--title", "--severity", "--alert", "--summary"], [], OpenAsync),
        RemoteCommands.Define(
            ["incidents", "note"], "mapper incidents note ID --text T [--occurred-at ISO] [--follow-up]   (--occurred-at: when it happened, if earlier than now)",
            ["--text", "--occurred-at"], ["--follow-up"], NoteAsync, arguments: ["ID"]),
        RemoteCommands.Define(["incidents", "resolve"], "mapper incidents resolve ID --reason R", ["--reason"], [], ResolveAsync, arguments: ["ID"]),
        RemoteCommands.Define(["incidents", "export"], "mapper incidents export ID [--out FILE]   (the post-mortem as Markdown; stdout without --out)", ["--out"], [], ExportAsync, arguments: ["ID"], formats: ["markdown"]),
    ];

    private static async Task<int> ListAsync(RemoteCall call)
    {
        var recent = call.Line.Int("--recent", 0, 500) ?? 20;
        using var client = call.Authenticated();
        var list = await client.GetAsync($"api/v1/incidents?recent={recent}", call.CancellationToken);
        var lines = list.AsArray().Select(i =>
            $"#{(long)i!["id"]!,-4} {(string?)i["severity"],-8} {(string?)i["status"],-13} {(string?)i["title"]}  (started {Time(i["started_at"])}, commander {(string?)i["commander"] ?? "unassigned"}" +
            (i["alerts"]!.AsArray().Count > 0 ? ", alerts " + string.Join(", ", i["alerts"]!.AsArray().Select(a => (string?)a)) : "") + ")").ToList();
        return await call.WriteAsync(list, lines.Count == 0 ? "no incidents yet" : string.Join('\n', lines));
    }

    private static async Task<int> ShowAsync(RemoteCall call)
    {
        var id = Id(call);
        var kind = call.Line.Value("--kind") is { } k ? "?kind=" + Uri.EscapeDataString(k) : "";
        using var client = call.Authenticated();
        var view = await client.GetAsync($"api/v1/incidents/{id}{kind}", call.CancellationToken);
        var i = view["incident"]!;
        var header = $"#{id} {(string?)i["title"]} — {(string?)i["severity"]}, {(string?)i["status"]}, commander {(string?)i["commander"] ?? "unassigned"}, started {Time(i["started_at"])}";
        var events = view["events"]!.AsArray().Select(e =>
            $"{Time(e!["occurred_at"])}  {(string?)e["kind"],-10} {(string?)e["title"]}" +
            (e["to"] is { } to ? $"  [{(string?)e["from"] ?? "—"} → {(string?)to}]" : "") + (e["reason"] is { } r ? $"  ({(string?)r})" : ""));
        return await call.WriteAsync(view, header + "\n" + string.Join('\n', events));
    }

    private static async Task<int> OpenAsync(RemoteCall call)
    {
        var body = new JsonObject
        {
            ["title"] = call.Line.Required("--title"),
            ["severity"] = call.Line.Choice("--severity", "critical", "warning"),
            ["alert"] = call.Line.Value("--alert"),
            ["summary"] = call.Line.Value("--summary"),
        };
        if (body["alert"] is null)
        {
            body.Remove("alert");
        }

        if (body["summary"] is null)
        {
            body.Remove("summary");
        }

        using var client = call.Authenticated();
        return await call.AppliedAsync(await client.SendAsync(HttpMethod.Post, "api/v1/incidents", body, call.CancellationToken));
    }

    private static async Task<int> NoteAsync(RemoteCall call)
    {
        var id = Id(call);
        var body = new JsonObject { ["text"] = call.Line.Required("--text"), ["follow_up"] = call.Line.Has("--follow-up") };
        if (call.Line.Value("--occurred-at") is { } text)
        {
            body["occurred_at"] = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at.ToUniversalTime()
                : throw new UsageException($"--occurred-at must be an ISO-8601 time such as 2026-12-01T14:05:00Z, not '{text}'");
        }

        using var client = call.Authenticated();
        return await call.AppliedAsync(await client.SendAsync(HttpMethod.Post, $"api/v1/incidents/{id}/notes", body, call.CancellationToken));
    }

    private static async Task<int> ResolveAsync(RemoteCall call)
    {
        var id = Id(call);
        var body = new JsonObject { ["status"] = "resolved", ["reason"] = call.Reason() };
        using var client = call.Authenticated();
        return await call.AppliedAsync(await client.SendAsync(HttpMethod.Put, $"api/v1/incidents/{id}/status", body, call.CancellationToken));
    }

    private static async Task<int> ExportAsync(RemoteCall call)
    {
        var id = Id(call);
        call.JsonErrors = false;
        using var client = call.Authenticated();
        using var response = await client.OpenAsync($"api/v1/incidents/{id}/export", call.CancellationToken);
        var markdown = await response.Content.ReadAsStringAsync(call.CancellationToken);
        if (call.Line.Value("--out") is not { } file)
        {
            await call.Context.Out.WriteAsync(markdown);
            return ExitCodes.Ok;
        }

        var target = Path.GetFullPath(file);
        try
        {
            await File.WriteAllTextAsync(target, markdown, call.CancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"--out: cannot write '{file}': {e.Message}");
        }

        await call.Context.Out.WriteLineAsync($"wrote the post-mortem of incident #{id} to {target} ({markdown.Length} characters)");
        return ExitCodes.Ok;
    }

    private static long Id(RemoteCall call)
    {
        var text = call.Line.Argument("ID").TrimStart('#');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : throw new UsageException($"ID must be an incident number such as 3, not '{text}'");
    }

    private static string Time(JsonNode? at) => at is null ? "-" : RemoteCall.Time(at.GetValue<DateTimeOffset>());
}
