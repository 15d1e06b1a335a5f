using System.Security.Cryptography;
using Mapper.Console.Actions;
using Mapper.Console.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Identity;

/// <summary>
/// A fresh store has no accounts: create the three roles and an <c>admin</c>, with the password from
/// <c>MAPPER_ADMIN_PASSWORD</c> (<c>Security:InitialAdminPassword</c>) or a generated one, printed once to the log
/// with the sign-in URL when the console is listening.
/// </summary>
public sealed partial class FirstAdmin(
    IServiceScopeFactory scopes, OperatorExecutor executor, SecurityOptions security, IServer server, IHostApplicationLifetime lifetime, ILogger<FirstAdmin> logger)
{
    public const string UserName = "admin";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in ConsoleRoles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }

            var db = scope.ServiceProvider.GetRequiredService<MapperDbContext>();
            if (await db.Users.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var generated = security.InitialAdminPassword.Length == 0;
        var password = generated ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_') : security.InitialAdminPassword;
        var outcome = await executor.RunAsync(Actor.System, new AddUser(UserName, ConsoleRole.Admin, password) { Reason = "first start: no accounts yet" }, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new StoreUnusableException($"could not create the first admin account: {outcome.Message}");
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
            var signIn = address.TrimEnd('/') + "/signin";
            if (generated)
            {
                LogGenerated(logger, UserName, password, signIn);
            }
            else
            {
                LogConfigured(logger, UserName, signIn);
            }
        });
    }

    [LoggerMessage(EventId = 5510, Level = LogLevel.Warning, Message = "First start: created account '{User}' with password {Password} (shown once; change it on the Users page). Sign in at {Url}")]
    private static partial void LogGenerated(ILogger logger, string user, string password, string url);

    [LoggerMessage(EventId = 5511, Level = LogLevel.Information, Message = "First start: created account '{User}' with the password from MAPPER_ADMIN_PASSWORD. Sign in at {Url}")]
    private static partial void LogConfigured(ILogger logger, string user, string url);
}
