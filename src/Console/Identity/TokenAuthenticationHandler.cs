using System.Security.Claims;
using System.Text.Encodings.Web;
using Mapper.Console.Admin;
using Mapper.Console.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mapper.Console.Identity;

/// <summary>
/// <c>Authorization: Bearer mpr_...</c> for the admin API and the CLI. The token must exist, be unexpired and
/// unrevoked, and belong to an enabled account; it acts with that account's current role. The cookie is never
/// accepted here, so a cross-site request cannot ride a signed-in browser.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IDbContextFactory<MapperDbContext> store,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";
    public const string TokenIdClaim = "mapper:token";

    /// <summary>Last-used times are written at most this often per token, so reads do not become writes.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header[(SchemeName.Length + 1)..].Trim();
        if (!TokenSecrets.LooksLikeSecret(secret))
        {
            return AuthenticateResult.Fail("not a Mapper token");
        }

        var hash = TokenSecrets.Hash(secret);
        var now = time.GetUtcNow();
        await using var db = await store.CreateDbContextAsync(Context.RequestAborted);
        var token = await db.Tokens.Include(t => t.User).FirstOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        if (token?.User is not { } user || token.RevokedAt is not null || token.ExpiresAt <= now || user.Disabled)
        {
            return AuthenticateResult.Fail("token unknown, expired, revoked, or its account is disabled");
        }

        var roleIds = db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId);
        var roles = await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Name!).ToListAsync(Context.RequestAborted);
        if (token.LastUsedAt is null || now - token.LastUsedAt >= LastUsedResolution)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName!));
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = SchemeName;
        return AdminErrorWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, "UNAUTHORIZED",
            "Authorization: a bearer token is required (mapper login, or POST /api/v1/tokens with your user name and password)");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AdminErrorWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, "INSUFFICIENT_RBAC", "your role does not allow this");
}
