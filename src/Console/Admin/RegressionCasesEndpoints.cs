using Mapper.Console.Playground;

namespace Mapper.Console.Admin;

/// <summary><c>/api/v1/regression-cases/export</c>: the saved regression cases as a golden-case file for <c>mapper quality validate</c>.</summary>
public static class RegressionCasesEndpoints
{
    public static RouteGroupBuilder MapRegressionCases(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/regression-cases").WithTags("regression cases");
        group.MapGet("/export", async (HttpContext c, RegressionCases cases) =>
        {
            if (await cases.ExportAsync(c.RequestAborted) is not { } file)
            {
                return AdminErrorWriter.Result(c, StatusCodes.Status404NotFound, "NOT_FOUND", "no regression cases are saved yet; save one from a playground run");
            }

            c.Response.Headers.ContentDisposition = $"attachment; filename=\"{RegressionCases.ExportFileName}\"";
            return Results.Text(file, "application/json", System.Text.Encoding.UTF8);
        }).WithSummary("The saved regression cases in the golden-case format (contract §8)").Produces<string>(contentType: "application/json");
        return api;
    }
}
