using Mapper.Console.Identity;

namespace Mapper.Console.Actions;

/// <summary>The way an action came in; recorded in every audit row.</summary>
public enum Door
{
    Page,
    Runbook,
    Api,
    Cli,
    System,
}

/// <summary>
/// Who asks for an action and through which door. The executor does not trust a role carried here: it
/// reads the account's current role from the store on every call (except for the built-in system actor).
/// </summary>
public sealed record Actor(string Name, Door Door, string? RequestId = null)
{
    public const string SystemName = "system";

    public static Actor System { get; } = new(SystemName, Door.System);

    public bool IsSystem => Door == Door.System && Name == SystemName;

    public static string DoorName(Door door) => door.ToString().ToLowerInvariant();
}

/// <summary>An actor with the role the executor resolved for it.</summary>
public sealed record ResolvedActor(Actor Actor, ConsoleRole Role, bool Active)
{
    public string RoleName => Actor.IsSystem ? Actor.SystemName : ConsoleRoles.Name(Role);
}
