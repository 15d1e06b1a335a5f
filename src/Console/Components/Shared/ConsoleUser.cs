using System.Security.Claims;
using Mapper.Console.Actions;
using Mapper.Console.Identity;

namespace Mapper.Console.Components.Shared;

/// <summary>
/// Who is looking at a page and what the page may offer them. It only decides what is shown or disabled: every
/// action still goes through the executor, which checks the account's current role itself.
/// </summary>
public sealed record ConsoleUser(string Name, ConsoleRole Role)
{
    public static readonly ConsoleUser Anonymous = new("anonymous", ConsoleRole.Viewer);

    public static ConsoleUser From(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
            ? new ConsoleUser(
                principal.FindFirstValue(ClaimTypes.Name) ?? "unknown",
                principal.FindAll(ClaimTypes.Role).Select(c => ConsoleRoles.TryParse(c.Value, out var r) ? r : ConsoleRole.Viewer).DefaultIfEmpty(ConsoleRole.Viewer).Max())
            : Anonymous;

    public string RoleName => ConsoleRoles.Name(Role);

    public bool Can(ConsoleRole needed) => Role >= needed;

    /// <summary>Why a control is disabled for this user, or null when it is not.</summary>
    public string? WhyNot(ConsoleRole needed) => Can(needed) ? null : $"takes the {ConsoleRoles.Name(needed)} role (you are {RoleName})";

    public Actor Actor(Door door = Door.Page) => new(Name, door);
}
