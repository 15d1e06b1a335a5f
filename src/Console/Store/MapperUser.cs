using Microsoft.AspNetCore.Identity;

namespace Mapper.Console.Store;

/// <summary>A console account (ASP.NET Core Identity), with exactly one role: viewer, operator or admin.</summary>
public sealed class MapperUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A disabled account cannot sign in, and its tokens stop working; it stays for the audit log's sake.</summary>
    public bool Disabled { get; set; }
}
