using Mapper.Console.Identity;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Admin;

/// <summary>
/// The read side of accounts and tokens for the Users page: every account with its role and lock, every token
/// with its owner. Never a secret or a password hash: tokens are known by id, name and prefix only.
/// </summary>
public sealed class AccountQueries(IDbContextFactory<MapperDbContext> factory, TimeProvider time)
{
    public async Task<IReadOnlyList<UserView>> UsersAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.UserName, u.Disabled, u.LockoutEnd, u.CreatedAt })
            .ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. users
            .Select(u => new UserView(
                u.UserName!,
                ConsoleRoles.Name(roles.Where(r => r.UserId == u.Id).Select(r => ConsoleRoles.TryParse(r.Name, out var role) ? role : ConsoleRole.Viewer).DefaultIfEmpty(ConsoleRole.Viewer).Max()),
                u.Disabled,
                u.LockoutEnd > now ? u.LockoutEnd : null,
                u.CreatedAt))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Everyone's tokens, newest first.</summary>
    public async Task<IReadOnlyList<TokenView>> TokensAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Tokens.AsNoTracking()
            .OrderByDescending(t => t.Id)
            .Select(t => new TokenView(t.Id, t.Name, t.Prefix, t.User!.UserName!, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);
        return rows;
    }
}
