using System.Globalization;
using Mapper.Console.Actions;

namespace Mapper.Console.Incidents;

/// <summary>What an incident's fields may hold; each check names the field at fault.</summary>
public static class IncidentRules
{
    public const string Investigating = "investigating";
    public const string Mitigated = "mitigated";
    public const string Resolved = "resolved";

    public const int MaxTitle = 200;
    public const int MaxSummary = 2000;
    public const int MaxNote = 4000;

    /// <summary>How far back a start or a note's "occurred at" may reach.</summary>
    public static readonly TimeSpan MaxBackfill = TimeSpan.FromDays(30);

    /// <summary>A little slack for clocks that differ between a browser or script and the console.</summary>
    public static readonly TimeSpan FutureSlack = TimeSpan.FromMinutes(1);

    public static readonly IReadOnlyList<string> Severities = ["critical", "warning"];

    public static readonly IReadOnlyList<string> Statuses = [Investigating, Mitigated, Resolved];

    public static string Severity(string? value) =>
        value?.Trim().ToLowerInvariant() is { } s && Severities.Contains(s) ? s : throw ActionRefusedException.Invalid($"severity: critical or warning, not '{value}'");

    public static string Status(string? value) =>
        value?.Trim().ToLowerInvariant() is { } s && Statuses.Contains(s) ? s : throw ActionRefusedException.Invalid($"status: investigating, mitigated or resolved, not '{value}'");

    /// <summary>Trimmed, non-empty, at most <paramref name="max"/> characters.</summary>
    public static string Text(string? value, string field, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw ActionRefusedException.Invalid($"{field}: required");
        }

        return text.Length <= max ? text : throw ActionRefusedException.Invalid($"{field}: {text.Length} characters; at most {max}");
    }

    /// <summary>A past moment within the backfill limit (or now when null).</summary>
    public static DateTimeOffset Moment(DateTimeOffset? value, DateTimeOffset now, string field)
    {
        if (value is not { } at)
        {
            return now;
        }

        if (at > now + FutureSlack)
        {
            throw ActionRefusedException.Invalid($"{field}: {Utc(at)} is in the future (now {Utc(now)})");
        }

        return at >= now - MaxBackfill ? (at > now ? now : at).ToUniversalTime() : throw ActionRefusedException.Invalid($"{field}: at most {MaxBackfill.TotalDays:0} days back");
    }

    public static bool IsOpen(string status) => status != Resolved;

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
