using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mapper.Cli.Remote;

namespace Mapper.Cli.Commands;

/// <summary>
/// <c>mapper audit export</c>: every matching row, oldest first, as the console's CSV or JSON export. Without <c>--out</c>
/// the export itself is stdout; with it, the file is written whole (a temp file renamed at the end) and stdout says how many rows.
/// </summary>
public static class AuditExportCommand
{
    public static CliCommand Definition { get; } = RemoteCommands.Define(
        ["audit", "export"],
        $"mapper audit export [--format csv|json] [--out FILE] {AuditCommands.FilterUsage}   (--format is the export's; stdout without --out)",
        [.. AuditCommands.FilterOptions, "--out"], [], RunAsync, formats: ["csv", "json"]);

    private static async Task<int> RunAsync(RemoteCall call)
    {
        var query = AuditCommands.Filters(call.Line);
        query.Insert(0, "format=" + call.Format);
        var path = "api/v1/audit/export?" + string.Join('&', query);
        using var client = call.Authenticated();
        if (call.Line.Value("--out") is not { } file)
        {
            // stdout is the export itself: a refusal goes to stderr only, so stdout never mixes an export and an error.
            call.JsonErrors = false;
            using var streamed = await client.OpenAsync(path, call.CancellationToken);
            await BrokenOffAsync(call, async () =>
            {
                using var reader = new StreamReader(await streamed.Content.ReadAsStreamAsync(call.CancellationToken), Encoding.UTF8);
                var buffer = new char[16 * 1024];
                int read;
                while ((read = await reader.ReadAsync(buffer, call.CancellationToken)) > 0)
                {
                    await call.Context.Out.WriteAsync(buffer.AsMemory(0, read), call.CancellationToken);
                }
            });
            await call.Context.Out.FlushAsync(call.CancellationToken);
            return ExitCodes.Ok;
        }

        var target = Path.GetFullPath(file);
        var temp = target + ".partial";
        try
        {
            using (var response = await client.OpenAsync(path, call.CancellationToken))
            {
                await using var output = Create(temp, file);
                await BrokenOffAsync(call, () => response.Content.CopyToAsync(output, call.CancellationToken));
            }

            var rows = call.Format == "json" ? JsonRows(temp) : CsvRows(temp);
            File.Move(temp, target, overwrite: true);
            var summary = new JsonObject { ["file"] = target, ["format"] = call.Format, ["rows"] = rows, ["bytes"] = new FileInfo(target).Length };
            return await call.WriteAsync(summary, $"exported {rows} audit rows as {call.Format} to {target}");
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The console answered, then the answer broke off (it failed mid-export, or the connection dropped): exit 1, never a stack trace.</summary>
    private static async Task BrokenOffAsync(RemoteCall call, Func<Task> copy)
    {
        try
        {
            await copy();
        }
        catch (Exception e) when (e is HttpRequestException or HttpIOException)
        {
            throw new ConsoleCallException(ExitCodes.Failed, $"{call.Shown} broke off the export before its end ({(e.InnerException ?? e).Message}): the export is incomplete");
        }
    }

    private static FileStream Create(string temp, string shown)
    {
        try
        {
            return new FileStream(temp, FileMode.Create, FileAccess.Write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"--out: cannot write '{shown}': {e.Message}");
        }
    }

    private static int JsonRows(string file)
    {
        using var stream = File.OpenRead(file);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetArrayLength();
    }

    /// <summary>Records, not lines: a reason may hold a quoted line break (RFC 4180). The header is not a row.</summary>
    private static int CsvRows(string file)
    {
        var records = 0;
        var quoted = false;
        var pending = false;
        foreach (var c in File.ReadAllText(file, Encoding.UTF8))
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\n' && !quoted)
            {
                records++;
                pending = false;
                continue;
            }

            pending = true;
        }

        return Math.Max(0, records + (pending ? 1 : 0) - 1);
    }
}
