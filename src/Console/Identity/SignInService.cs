using Mapper.Console.Store;
using Microsoft.AspNetCore.Identity;

namespace Mapper.Console.Identity;

public enum SignInVerdict
{
    Succeeded,

    /// <summary>Wrong name or password, unknown account, disabled, or locked: callers say the same thing for each.</summary>
    Failed,
}

/// <summary>
/// Checks a user name and password through Identity with lockout on failure. Every failure looks the same to the
/// caller, and an unknown name costs a password hash like a known one, so neither the answer nor its timing tells
/// whether an account exists.
/// </summary>
public sealed partial class SignInService(UserManager<MapperUser> users, SignInManager<MapperUser> signIn, ILogger<SignInService> logger)
{
    public const string FailureMessage = "Sign-in failed: wrong user name or password, or the account is locked for a while after repeated failures.";

    /// <summary>A hash of nothing anyone knows, verified for unknown names to spend the same time.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<MapperUser>().HashPassword(new MapperUser(), Guid.NewGuid().ToString("N")));

    /// <summary>Verifies the password (counting failures toward lockout) and returns the account when it may act.</summary>
    public async Task<(SignInVerdict Verdict, MapperUser? User)> CheckAsync(string userName, string password)
    {
        var user = userName.Length is > 0 and <= 256 ? await users.FindByNameAsync(userName) : null;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new MapperUser(), DecoyHash.Value, password);
            LogFailed(logger, "an unknown account");
            return (SignInVerdict.Failed, null);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded || user.Disabled)
        {
            LogFailed(logger, result.IsLockedOut ? $"{user.UserName} (locked out)" : user.Disabled ? $"{user.UserName} (disabled)" : user.UserName!);
            return (SignInVerdict.Failed, null);
        }

        return (SignInVerdict.Succeeded, user);
    }

    /// <summary>Checks the password and, when it holds, issues the console's sign-in cookie.</summary>
    public async Task<SignInVerdict> SignInWithCookieAsync(string userName, string password)
    {
        var (verdict, user) = await CheckAsync(userName, password);
        if (verdict == SignInVerdict.Succeeded)
        {
            await signIn.SignInAsync(user!, isPersistent: false);
            LogSignedIn(logger, user!.UserName!);
        }

        return verdict;
    }

    [LoggerMessage(EventId = 5500, Level = LogLevel.Information, Message = "{User} signed in")]
    private static partial void LogSignedIn(ILogger logger, string user);

    [LoggerMessage(EventId = 5501, Level = LogLevel.Warning, Message = "Sign-in failed for {Who}")]
    private static partial void LogFailed(ILogger logger, string who);
}
