using Mapper.Console.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Mapper.Console.Identity;

public static class ConsoleIdentityExtensions
{
    public const string ViewerPolicy = "viewer";
    public const string OperatorPolicy = "operator";
    public const string AdminPolicy = "admin";

    /// <summary>The admin API's policy family: bearer tokens only.</summary>
    public const string ApiViewerPolicy = "api-viewer";

    /// <summary>
    /// Accounts and roles on the store (ASP.NET Core Identity), the console's sign-in cookie, bearer tokens for
    /// the admin API, and one policy per role. Policies only shape what pages show; the executor checks every action again.
    /// </summary>
    public static IServiceCollection AddConsoleIdentity(this IServiceCollection services, SecurityOptions security)
    {
        services.AddSingleton(security);
        services.AddIdentityCore<MapperUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;

                // Length over composition rules (NIST SP 800-63B): long passphrases, no forced symbols.
                o.Password.RequiredLength = security.MinPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MapperDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/signin";
            o.Cookie.Name = "mapper.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(security.SessionHours);
            o.SlidingExpiration = true;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(ViewerPolicy, p => p.RequireRole(ConsoleRoles.AtLeast(ConsoleRole.Viewer)))
            .AddPolicy(OperatorPolicy, p => p.RequireRole(ConsoleRoles.AtLeast(ConsoleRole.Operator)))
            .AddPolicy(AdminPolicy, p => p.RequireRole(ConsoleRoles.AtLeast(ConsoleRole.Admin)))
            .AddPolicy(ApiViewerPolicy, p => p.AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName).RequireRole(ConsoleRoles.AtLeast(ConsoleRole.Viewer)));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingStateProvider>();
        services.AddScoped<SignInService>();
        return services;
    }
}
