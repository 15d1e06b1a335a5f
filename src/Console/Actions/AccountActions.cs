using Mapper.Console.Identity;
using Mapper.Console.Store;
using Microsoft.AspNetCore.Identity;

namespace Mapper.Console.Actions;

/// <summary>
/// Accounts through ASP.NET Core Identity (hashing, validation, lockout), inside the executor's transaction so
/// the account change and its audit row commit together. The last active admin can neither be demoted nor disabled.
/// </summary>
public sealed class AccountActions : IActionHandler
{
    public bool Handles(OperatorCommand command) => command is AddUser or ChangeUserRole or SetUserDisabled or ResetPassword;

    public async Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope)
    {
        var users = scope.Services.GetRequiredService<UserManager<MapperUser>>();
        switch (command)
        {
            case AddUser add:
                if (await users.FindByNameAsync(add.UserName) is not null)
                {
                    throw ActionRefusedException.Invalid($"user: '{add.UserName}' exists already");
                }

                return new ActionPlan("none", ConsoleRoles.Name(add.Role))
                {
                    Message = $"account {add.UserName} created with role {ConsoleRoles.Name(add.Role)}",
                    Write = async _ =>
                    {
                        var user = new MapperUser { UserName = add.UserName, CreatedAt = scope.Now, LockoutEnabled = true };
                        Check(await users.CreateAsync(user, add.Password), "password");
                        Check(await users.AddToRoleAsync(user, ConsoleRoles.Name(add.Role)), "role");
                    },
                };

            case ChangeUserRole change:
                var target = await Find(users, change.UserName);
                var current = await RoleOf(users, target);
                if (current == change.Role)
                {
                    throw ActionRefusedException.Invalid($"role: {change.UserName} is {ConsoleRoles.Name(current)} already");
                }

                if (current == ConsoleRole.Admin && await ActiveAdmins(scope, users) <= 1 && !target.Disabled)
                {
                    throw ActionRefusedException.Invalid($"role: {change.UserName} is the last active admin; make another admin first");
                }

                return new ActionPlan(ConsoleRoles.Name(current), ConsoleRoles.Name(change.Role))
                {
                    Message = $"{change.UserName} is now {ConsoleRoles.Name(change.Role)}",
                    Write = async _ =>
                    {
                        Check(await users.RemoveFromRolesAsync(target, await users.GetRolesAsync(target)), "role");
                        Check(await users.AddToRoleAsync(target, ConsoleRoles.Name(change.Role)), "role");
                        Check(await users.UpdateSecurityStampAsync(target), "role");
                    },
                };

            case SetUserDisabled disable:
                var account = await Find(users, disable.UserName);
                if (account.Disabled == disable.Disabled)
                {
                    throw ActionRefusedException.Invalid($"user: {disable.UserName} is {(disable.Disabled ? "disabled" : "enabled")} already");
                }

                if (disable.Disabled && string.Equals(account.UserName, scope.Actor.Actor.Name, StringComparison.OrdinalIgnoreCase))
                {
                    throw ActionRefusedException.Invalid("user: you cannot disable your own account");
                }

                if (disable.Disabled && await RoleOf(users, account) == ConsoleRole.Admin && await ActiveAdmins(scope, users) <= 1)
                {
                    throw ActionRefusedException.Invalid($"user: {disable.UserName} is the last active admin");
                }

                return new ActionPlan(account.Disabled ? "disabled" : "enabled", disable.Disabled ? "disabled" : "enabled")
                {
                    Message = $"{disable.UserName} is {(disable.Disabled ? "disabled: signed out everywhere, tokens stop working" : "enabled again")}",
                    Write = async _ =>
                    {
                        account.Disabled = disable.Disabled;
                        Check(await users.UpdateAsync(account), "user");
                        Check(await users.UpdateSecurityStampAsync(account), "user");
                    },
                };

            case ResetPassword reset:
                var owner = await Find(users, reset.UserName);
                return new ActionPlan("(hidden)", "(new password)")
                {
                    Message = $"{reset.UserName}'s password was reset; the account is unlocked",
                    Write = async _ =>
                    {
                        var token = await users.GeneratePasswordResetTokenAsync(owner);
                        Check(await users.ResetPasswordAsync(owner, token, reset.Password), "password");
                        Check(await users.SetLockoutEndDateAsync(owner, null), "user");
                        Check(await users.ResetAccessFailedCountAsync(owner), "user");
                    },
                };

            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }
    }

    public static async Task<ConsoleRole> RoleOf(UserManager<MapperUser> users, MapperUser user)
    {
        var roles = (await users.GetRolesAsync(user)).Select(n => ConsoleRoles.TryParse(n, out var r) ? r : ConsoleRole.Viewer).ToList();
        return roles.Count == 0 ? ConsoleRole.Viewer : roles.Max();
    }

    private static async Task<MapperUser> Find(UserManager<MapperUser> users, string name) =>
        await users.FindByNameAsync(name) ?? throw ActionRefusedException.Invalid($"user: no account named '{name}'");

    private static async Task<int> ActiveAdmins(ActionScope scope, UserManager<MapperUser> users)
    {
        var admins = await users.GetUsersInRoleAsync(ConsoleRoles.Admin);
        return admins.Count(u => !u.Disabled);
    }

    /// <summary>Identity's errors say what is wrong without echoing the password.</summary>
    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw ActionRefusedException.Invalid($"{field}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
