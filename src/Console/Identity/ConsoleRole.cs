namespace Mapper.Console.Identity;

/// <summary>What an account may do; each role includes the ones below it.</summary>
public enum ConsoleRole
{
    /// <summary>Reads every page and the admin API's reads.</summary>
    Viewer = 0,

    /// <summary>Changes the controls, uses the playground, runs incidents.</summary>
    Operator = 1,

    /// <summary>Adapters, users, tokens and drills.</summary>
    Admin = 2,
}

public static class ConsoleRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Operator, Admin];

    public static string Name(ConsoleRole role) => role switch
    {
        ConsoleRole.Admin => Admin,
        ConsoleRole.Operator => Operator,
        _ => Viewer,
    };

    public static bool TryParse(string? name, out ConsoleRole role)
    {
        (var ok, role) = name?.Trim().ToLowerInvariant() switch
        {
            Viewer => (true, ConsoleRole.Viewer),
            Operator => (true, ConsoleRole.Operator),
            Admin => (true, ConsoleRole.Admin),
            _ => (false, ConsoleRole.Viewer),
        };
        return ok;
    }

    /// <summary>The role names that satisfy <paramref name="minimum"/> (for authorization policies).</summary>
    public static string[] AtLeast(ConsoleRole minimum) => [.. Enum.GetValues<ConsoleRole>().Where(r => r >= minimum).Select(Name)];
}
