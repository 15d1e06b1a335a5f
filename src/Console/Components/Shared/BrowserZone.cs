using System.Globalization;

namespace Mapper.Console.Components.Shared;

/// <summary>
/// The browser's time zone, learned once per circuit and cascaded from the layout, so every time renders in the
/// reader's zone (with UTC on hover). Until it is known, times render in UTC and say so.
/// </summary>
public sealed record BrowserZone(TimeZoneInfo Zone, bool Known)
{
    public static readonly BrowserZone Utc = new(TimeZoneInfo.Utc, Known: false);

    public static BrowserZone FromIana(string? id)
    {
        try
        {
            return id is { Length: > 0 and < 64 } ? new BrowserZone(TimeZoneInfo.FindSystemTimeZoneById(id), Known: true) : Utc;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return Utc;
        }
    }

    public string Local(DateTimeOffset at, string format) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString(format, CultureInfo.InvariantCulture) + (Known ? "" : " UTC");

    public static string UtcText(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
