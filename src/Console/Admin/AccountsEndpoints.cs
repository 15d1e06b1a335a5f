using System.Security.Claims;
using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Admin;

public sealed record MeView(string Name, string Role, long? TokenId);

public sealed record UserView(string Name, string Role, bool Disabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

public sealed record TokenView(long Id, string Name, string Prefix, string User, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary><c>/api/v1/me</c>, <c>/api/v1/users</c> (admin) and <c>/api/v1/tokens</c>.</summary>
public static class AccountsEndpoints
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder api, RouteGroupBuilder open)
    {
        api.MapGet("/me", (HttpContext c) => Results.Json(new MeView(
            c.User.FindFirstValue(ClaimTypes.Name)!,
            ConsoleRoles.Name(c.User.FindAll(ClaimTypes.Role).Select(r => ConsoleRoles.TryParse(r.Value, out var role) ? role : ConsoleRole.Viewer).DefaultIfEmpty().Max()),
            long.TryParse(c.User.FindFirstValue(TokenAuthenticationHandler.TokenIdClaim), out var id) ? id : null), AdminJson.Responses))
            .WithTags("accounts").WithSummary("Who the token acts as").Produces<MeView>();

        var users = api.MapGroup("/users").WithTags("accounts");
        users.MapGet("", async (HttpContext c, UserManager<MapperUser> manager) =>
        {
            if (!c.User.IsInRole(ConsoleRoles.Admin))
            {
                return AdminErrorWriter.Result(c, StatusCodes.Status403Forbidden, "INSUFFICIENT_RBAC", "listing accounts takes the admin role");
            }

            var views = new List<UserView>();
            foreach (var user in await manager.Users.OrderBy(u => u.UserName).ToListAsync(c.RequestAborted))
            {
                var role = await AccountActions.RoleOf(manager, user);
                views.Add(new UserView(user.UserName!, ConsoleRoles.Name(role), user.Disabled, user.LockoutEnd > DateTimeOffset.UtcNow ? user.LockoutEnd : null, user.CreatedAt));
            }

            return Results.Json(views, AdminJson.Responses);
        }).WithSummary("Every account (admin)").Produces<List<UserView>>();

        users.MapPost("", (HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<NewUserBody>(c, x, b => new AddUser(b.Name, Role(b.Role), b.Password) { Reason = b.Reason }, StatusCodes.Status201Created))
            .WithSummary("Create an account (admin)").Accepts<NewUserBody>("application/json").Produces<ActionResponse>(StatusCodes.Status201Created);
        users.MapPut("/{name}/role", (string name, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<RoleBody>(c, x, b => new ChangeUserRole(name, Role(b.Role)) { Reason = b.Reason }))
            .WithSummary("Change an account's role (admin)").Accepts<RoleBody>("application/json").Produces<ActionResponse>();
        users.MapPut("/{name}/disabled", (string name, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<DisabledBody>(c, x, b => new SetUserDisabled(name, b.Disabled) { Reason = b.Reason }))
            .WithSummary("Disable or enable an account (admin)").Accepts<DisabledBody>("application/json").Produces<ActionResponse>();
        users.MapPut("/{name}/password", (string name, HttpContext c, OperatorExecutor x) => AdminResults.RunAsync<PasswordBody>(c, x, b => new ResetPassword(name, b.Password) { Reason = b.Reason }))
            .WithSummary("Reset an account's password and unlock it (admin)").Accepts<PasswordBody>("application/json").Produces<ActionResponse>();

        var tokens = api.MapGroup("/tokens").WithTags("accounts");
        tokens.MapGet("", async (HttpContext c, IDbContextFactory<MapperDbContext> store, string? user) =>
        {
            var me = c.User.FindFirstValue(ClaimTypes.Name)!;
            var admin = c.User.IsInRole(ConsoleRoles.Admin);
            await using var db = await store.CreateDbContextAsync(c.RequestAborted);
            var query = db.Tokens.AsNoTracking().Include(t => t.User).AsQueryable();
            var owner = admin ? user : me;
            if (owner is not null)
            {
                var normalized = owner.ToUpperInvariant();
                query = query.Where(t => t.User!.NormalizedUserName == normalized);
            }

            var rows = await query.OrderBy(t => t.Id).ToListAsync(c.RequestAborted);
            return Results.Json(rows.Select(t => new TokenView(t.Id, t.Name, t.Prefix, t.User!.UserName!, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt)), AdminJson.Responses);
        }).WithSummary("Your tokens (an admin sees everyone's, or ?user=)").Produces<List<TokenView>>();

        tokens.MapDelete("/{id:long}", async (long id, HttpContext c, OperatorExecutor x) =>
            AdminResults.From(c, await x.RunAsync(AdminResults.ActorOf(c), new RevokeToken(id), c.RequestAborted)))
            .WithSummary("Revoke a token (yours, or any as admin)").Produces<ActionResponse>();

        open.MapPost("/tokens", CreateTokenAsync).WithTags("accounts")
            .WithSummary("A new token: with your user name and password, or with a bearer token (an admin may name another user). Shown once.")
            .Accepts<NewTokenBody>("application/json").Produces<ActionResponse>(StatusCodes.Status201Created);
        return api;
    }

    /// <summary>Credentials in the body sign in (with lockout) and make a token for that account; otherwise the bearer token decides.</summary>
    private static async Task<IResult> CreateTokenAsync(HttpContext c, OperatorExecutor executor, SignInService signIn)
    {
        var (body, error) = await AdminJson.ReadAsync<NewTokenBody>(c.Request);
        if (body is null)
        {
            return AdminResults.Invalid(c, error!);
        }

        var lifetime = body.LifetimeDays is { } days ? (double.IsFinite(days) && days > 0 && days <= 3650 ? TimeSpan.FromDays(days) : (TimeSpan?)TimeSpan.Zero) : null;
        Actor actor;
        string owner;
        if (body.Password is not null)
        {
            if (string.IsNullOrEmpty(body.User))
            {
                return AdminResults.Invalid(c, "user: required with password");
            }

            var (verdict, user) = await signIn.CheckAsync(body.User, body.Password);
            if (verdict != SignInVerdict.Succeeded)
            {
                return AdminErrorWriter.Result(c, StatusCodes.Status401Unauthorized, "UNAUTHORIZED", SignInService.FailureMessage);
            }

            owner = user!.UserName!;
            actor = AdminResults.ActorOf(c) with { Name = owner };
        }
        else
        {
            var auth = await c.AuthenticateAsync(TokenAuthenticationHandler.SchemeName);
            if (!auth.Succeeded)
            {
                return AdminErrorWriter.Result(c, StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "send user and password, or a bearer token");
            }

            c.User = auth.Principal!;
            actor = AdminResults.ActorOf(c);
            owner = body.User ?? actor.Name;
        }

        var name = string.IsNullOrWhiteSpace(body.Name) ? $"{(actor.Door == Door.Cli ? "cli" : "api")} {DateTimeOffset.UtcNow:yyyy-MM-dd}" : body.Name;
        return AdminResults.From(c, await executor.RunAsync(actor, new CreateToken(owner, name, lifetime), c.RequestAborted), StatusCodes.Status201Created);
    }

    private static ConsoleRole Role(string name) =>
        ConsoleRoles.TryParse(name, out var role) ? role : throw ActionRefusedException.Invalid($"role: '{name}' is not one of {string.Join(", ", ConsoleRoles.All)}");
}
