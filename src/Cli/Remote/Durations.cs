using System.Globalization;
using System.Text.RegularExpressions;

namespace Mapper.Cli.Remote;

/// <summary>Durations as on-call types them: a whole number and one unit, <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>.</summary>
public static partial class Durations
{
    public static TimeSpan Parse(string flag, string text)
    {
        var match = Shape().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount == 0)
        {
            throw new UsageException($"{flag} must be a duration like 90s, 30m, 2h or 1d, not '{text}'");
        }

        return match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }

    [GeneratedRegex("^([0-9]{1,6})([smhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
