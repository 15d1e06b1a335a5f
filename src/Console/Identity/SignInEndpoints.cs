using Mapper.Console.Store;
using Microsoft.AspNetCore.Identity;

namespace Mapper.Console.Identity;

/// <summary>Sign-out as a form POST with antiforgery (a cookie cannot be cleared over a Blazor circuit).</summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signout", async (SignInManager<MapperUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/signin");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>Only a path on this site may follow sign-in: an absolute or protocol-relative URL would be an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 512 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
