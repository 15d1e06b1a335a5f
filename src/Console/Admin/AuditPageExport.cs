using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Mapper.Console.Admin;

/// <summary>
/// <c>GET /export/audit</c>: the Audit log page's download of its filtered rows, as CSV or JSON, on the sign-in
/// cookie (the admin API takes bearer tokens only). It only reads, so a cookie is safe here; same filters and
/// writer as <c>/api/v1/audit/export</c>.
/// </summary>
public static class AuditPageExport
{
    public const string Path = "/export/audit";

    public static IEndpointRouteBuilder MapAuditPageExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (HttpContext c, AuditQueries audit, string? format) =>
        {
            if (AuditEndpoints.Filter(c) is not { } filter || format is not ("csv" or "json"))
            {
                return AdminResults.Invalid(c, "format: csv or json; from, to: ISO-8601 times");
            }

            var csv = format == "csv";
            c.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/json";
            c.Response.Headers.ContentDisposition = $"attachment; filename=\"mapper-audit.{format}\"";
            var rows = audit.StreamAsync(filter, c.RequestAborted);
            await (csv ? AuditExport.WriteCsvAsync(c.Response.Body, rows) : AuditExport.WriteJsonAsync(c.Response.Body, rows));
            return Results.Empty;
        }).RequireAuthorization(ConsoleIdentityExtensions.ViewerPolicy).ExcludeFromDescription();
        return app;
    }

    /// <summary>The link the page offers for <paramref name="filter"/>: every field it sets, times as UTC ISO-8601.</summary>
    public static string Url(AuditFilter filter, string format)
    {
        var query = new Dictionary<string, string?> { ["format"] = format };
        Add(query, "actor", filter.Actor);
        Add(query, "action", filter.Action);
        Add(query, "door", filter.Door);
        Add(query, "result", filter.Result);
        Add(query, "from", filter.From?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Add(query, "to", filter.To?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        return QueryHelpers.AddQueryString(Path, query);
    }

    private static void Add(Dictionary<string, string?> query, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query[key] = value;
        }
    }
}
