using System.Globalization;
using Mapper.Console.Identity;
using Mapper.Console.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Actions;

/// <summary>Bearer tokens: made for oneself by anyone, for others by an admin; stored hashed, shown once, revocable.</summary>
public sealed class TokenActions(SecurityOptions security) : IActionHandler
{
    public const int MaxNameLength = 64;

    public bool Handles(OperatorCommand command) => command is CreateToken or RevokeToken;

    public async Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope) => command switch
    {
        CreateToken create => await CreateAsync(create, scope),
        RevokeToken revoke => await RevokeAsync(revoke, scope),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private async Task<ActionPlan> CreateAsync(CreateToken create, ActionScope scope)
    {
        RequireSelfOrAdmin(scope, create.UserName);
        var users = scope.Services.GetRequiredService<UserManager<MapperUser>>();
        var user = await users.FindByNameAsync(create.UserName) ?? throw ActionRefusedException.Invalid($"user: no account named '{create.UserName}'");
        if (user.Disabled)
        {
            throw ActionRefusedException.Invalid($"user: {create.UserName} is disabled");
        }

        var name = create.Name.Trim();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            throw ActionRefusedException.Invalid($"name: 1 to {MaxNameLength} printable characters");
        }

        var lifetime = create.Lifetime ?? TimeSpan.FromDays(security.TokenLifetimeDays);
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(security.MaxTokenLifetimeDays))
        {
            throw ActionRefusedException.Invalid($"lifetime: give 1 minute to {security.MaxTokenLifetimeDays} days");
        }

        var (secret, hash, shown) = TokenSecrets.New();
        var id = (await scope.Db.Tokens.MaxAsync(t => (long?)t.Id, scope.CancellationToken) ?? 0) + 1;
        var expires = scope.Now + lifetime;
        return new ActionPlan("none", $"token {id} '{name}' ({shown}…) until {expires.ToString("u", CultureInfo.InvariantCulture)}")
        {
            Message = $"token {id} created for {user.UserName}; copy it now, it is not shown again",
            Secret = secret,
            Created = id.ToString(CultureInfo.InvariantCulture),
            Write = async s =>
            {
                s.Db.Tokens.Add(new ApiToken { Id = id, UserId = user.Id, Name = name, Prefix = shown, SecretHash = hash, CreatedAt = scope.Now, ExpiresAt = expires });
                await s.Db.SaveChangesAsync(s.CancellationToken);
            },
        };
    }

    private static async Task<ActionPlan> RevokeAsync(RevokeToken revoke, ActionScope scope)
    {
        var token = await scope.Db.Tokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Id == revoke.TokenId, scope.CancellationToken)
            ?? throw ActionRefusedException.Invalid($"token: no token {revoke.TokenId}");
        RequireSelfOrAdmin(scope, token.User!.UserName!);
        if (token.RevokedAt is not null)
        {
            throw ActionRefusedException.Invalid($"token: {revoke.TokenId} is revoked already");
        }

        return new ActionPlan($"token {token.Id} '{token.Name}' active", "revoked")
        {
            Message = $"token {token.Id} revoked",
            Write = async s =>
            {
                token.RevokedAt = scope.Now;
                await s.Db.SaveChangesAsync(s.CancellationToken);
            },
        };
    }

    private static void RequireSelfOrAdmin(ActionScope scope, string userName)
    {
        var actor = scope.Actor;
        if (actor.Role < ConsoleRole.Admin && !string.Equals(actor.Actor.Name, userName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ActionRefusedException(ActionStatus.Denied, $"{actor.RoleName} may act only on their own tokens; another account's takes the admin role");
        }
    }
}
