namespace Mapper.Console.Identity;

/// <summary>The <c>Security</c> section: sign-in, lockout, tokens, the first admin and CORS.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public int MinPasswordLength { get; set; } = 12;

    public int SessionHours { get; set; } = 8;

    public int TokenLifetimeDays { get; set; } = 30;

    public int MaxTokenLifetimeDays { get; set; } = 365;

    /// <summary>The first admin's password on a fresh store (also <c>MAPPER_ADMIN_PASSWORD</c>); empty means generate one and log it once.</summary>
    public string InitialAdminPassword { get; set; } = "";

    /// <summary>Origins allowed to call the API from a browser; empty means no CORS at all.</summary>
    public List<string> CorsOrigins { get; set; } = [];

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Range(problems, nameof(MaxFailedSignIns), MaxFailedSignIns, 1, 100);
        Range(problems, nameof(LockoutMinutes), LockoutMinutes, 1, 24 * 60);
        Range(problems, nameof(MinPasswordLength), MinPasswordLength, 8, 128);
        Range(problems, nameof(SessionHours), SessionHours, 1, 24 * 30);
        Range(problems, nameof(MaxTokenLifetimeDays), MaxTokenLifetimeDays, 1, 3650);
        Range(problems, nameof(TokenLifetimeDays), TokenLifetimeDays, 1, MaxTokenLifetimeDays);
        if (InitialAdminPassword.Length is > 0 && InitialAdminPassword.Length < MinPasswordLength)
        {
            problems.Add($"{Section}:InitialAdminPassword (or MAPPER_ADMIN_PASSWORD) must have at least {MinPasswordLength} characters");
        }

        foreach (var origin in CorsOrigins.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https") || u.PathAndQuery != "/"))
        {
            problems.Add($"{Section}:CorsOrigins: '{origin}' is not an origin like https://ops.example.com");
        }

        return problems;
    }

    private static void Range(List<string> problems, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add($"{Section}:{name} must be within [{min}, {max}], not {value}");
        }
    }
}
