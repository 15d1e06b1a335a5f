using Mapper.Console.Identity;

namespace Mapper.Console.Admin;

/// <summary>
/// The admin API under <c>/api/v1</c>: the same executor as the pages, behind bearer tokens only (never the
/// sign-in cookie, so no cross-site request can ride a browser session). Reads take any role; the executor
/// checks the role of every change.
/// </summary>
public static class AdminEndpoints
{
    public const string Prefix = "/api/v1";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup(Prefix).AllowAnonymous();
        var api = app.MapGroup(Prefix).RequireAuthorization(ConsoleIdentityExtensions.ApiViewerPolicy);
        api.MapControls().MapAdapters().MapRegressionCases().MapAudit().MapDrills().MapAlerts().MapIncidents().MapDecisions().MapAccounts(open);
        return app;
    }
}
