using System.Globalization;
using Mapper.Console.Components.Shared;

namespace Mapper.Console.Incidents;

/// <summary>
/// A time as a person types it on the incident page, in their browser's zone: empty (now), <c>14:05</c> (today),
/// <c>2026-12-01 14:05</c>, or an ISO-8601 time with its offset (<c>2026-12-01T14:05:00Z</c>).
/// </summary>
public static class OccurredAtText
{
    private static readonly string[] Local = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];
    private static readonly string[] Clock = ["HH:mm", "H:mm", "HH:mm:ss"];

    /// <summary>The instant, null for now; <paramref name="error"/> says what is wrong when it cannot be read.</summary>
    public static DateTimeOffset? Parse(string? text, BrowserZone zone, DateTimeOffset now, out string? error)
    {
        error = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if ((text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return exact.ToUniversalTime();
        }

        if (DateTime.TryParseExact(text, Local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return InZone(local, zone);
        }

        if (DateTime.TryParseExact(text, Clock, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            var today = TimeZoneInfo.ConvertTime(now, zone.Zone).Date;
            return InZone(today + time.TimeOfDay, zone);
        }

        error = $"occurred at: '{text}' is not a time; give 14:05, 2026-12-01 14:05 (your time zone) or an ISO-8601 time, or leave it empty for now";
        return null;
    }

    private static DateTimeOffset InZone(DateTime local, BrowserZone zone) =>
        new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.Zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified))).ToUniversalTime();
}
