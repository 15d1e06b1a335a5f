using System.Globalization;
using System.Text;
using System.Text.Json;
using Mapper.Cli.Remote;

namespace Mapper.Cli.Commands;

/// <summary><c>mapper audit verify</c> (walk the hash chain) and <c>mapper audit list</c> (filtered, newest first).</summary>
public static class AuditCommands
{
    public const string FilterUsage = "[--actor A] [--action A] [--door D] [--result R] [--from ISO] [--to ISO]";

    public static readonly string[] FilterOptions = ["--actor", "--action", "--door", "--result", "--from", "--to"];

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        RemoteCommands.Define(["audit", "verify"], "mapper audit verify   (exit 1 when the hash chain is broken)", [], [], VerifyAsync),
        RemoteCommands.Define(
            ["audit", "list"],
            $"mapper audit list {FilterUsage} [--page N] [--size N]   (newest first; --action controls matches every controls.* action)",
            [.. FilterOptions, "--page", "--size"], [], ListAsync),
    ];

    /// <summary>The filter flags as the API's query string (<c>actor=...&amp;from=...</c>); times are checked here so a typo is exit 2 before any call.</summary>
    public static List<string> Filters(CommandLine line)
    {
        var query = new List<string>();
        foreach (var flag in FilterOptions)
        {
            if (line.Value(flag) is not { } value)
            {
                continue;
            }

            if (flag is "--from" or "--to")
            {
                value = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)
                    : throw new UsageException($"{flag} must be an ISO-8601 time such as 2026-12-01T14:00:00Z, not '{value}'");
            }

            query.Add(flag[2..] + "=" + Uri.EscapeDataString(value));
        }

        return query;
    }

    private static async Task<int> VerifyAsync(RemoteCall call)
    {
        using var client = call.Authenticated();
        var response = await client.GetAsync("api/v1/audit/verify", call.CancellationToken);
        var verdict = response.Deserialize<AuditVerdict>(ApiViews.Json)!;
        if (verdict.Intact)
        {
            return await call.WriteAsync(response, $"audit log intact: {verdict.Rows} rows verified, each links to the hash of the one before");
        }

        var broken = verdict.Break!;
        await call.WriteAsync(response, $"audit log BROKEN at row {broken.RowId}: {broken.Problem} ({broken.VerifiedRows} rows before it verified)");
        return ExitCodes.Failed;
    }

    private static async Task<int> ListAsync(RemoteCall call)
    {
        var query = Filters(call.Line);
        var page = call.Line.Int("--page", 1, 1_000_000);
        var size = call.Line.Int("--size", 1, 500);
        if (page is { } p)
        {
            query.Add("page=" + p.ToString(CultureInfo.InvariantCulture));
        }

        if (size is { } s)
        {
            query.Add("size=" + s.ToString(CultureInfo.InvariantCulture));
        }

        using var client = call.Authenticated();
        var response = await client.GetAsync("api/v1/audit" + (query.Count == 0 ? "" : "?" + string.Join('&', query)), call.CancellationToken);
        return await call.WriteAsync(response, Text(response.Deserialize<AuditRows>(ApiViews.Json)!));
    }

    private static string Text(AuditRows page)
    {
        if (page.Rows.Count == 0)
        {
            return page.Total == 0 ? "no audit rows match" : $"page {page.Page} is past the end ({page.Total} rows match, {page.Size} a page)";
        }

        var first = ((page.Page - 1) * page.Size) + 1;
        var text = new StringBuilder($"rows {first} to {first + page.Rows.Count - 1} of {page.Total}, newest first (page {page.Page}, {page.Size} a page)");
        foreach (var r in page.Rows)
        {
            var change = r.OldValue is null && r.NewValue is null ? "" : $" {r.OldValue ?? "-"} -> {r.NewValue ?? "-"}";
            var why = r.Reason is { } reason ? $" \"{reason}\"" : "";
            var detail = r.Result != "applied" && r.Detail is { } d ? $" ({d})" : "";
            text.Append(CultureInfo.InvariantCulture,
                $"\n#{r.Id,-5} {RemoteCall.Time(r.OccurredAt)}  {r.Result,-7} {r.Actor} ({r.Role}) via {r.Door}  {r.Action} {r.Target}:{change}{why}{detail}  [epoch {r.Epoch}]");
        }

        return text.ToString();
    }
}
