using Mapper.Console.Components.Shared;
using Mapper.Console.Incidents;

namespace Mapper.Console.Tests.Incidents;

/// <summary>Times typed on the incident page are read in the reader's zone.</summary>
public sealed class OccurredAtTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 14, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("13:50", "Europe/Berlin", "2026-12-01T12:50:00Z")]
    [InlineData("2026-11-30 23:15", "Europe/Berlin", "2026-11-30T22:15:00Z")]
    [InlineData("2026-12-01T09:05:00-05:00", "Europe/Berlin", "2026-12-01T14:05:00Z")]
    [InlineData("2026-12-01T14:05:00Z", "America/New_York", "2026-12-01T14:05:00Z")]
    [InlineData("14:05", "UTC", "2026-12-01T14:05:00Z")]
    public void Parse_TypedTime_IsTheInstantInTheReadersZone(string text, string zone, string expected)
    {
        var at = OccurredAtText.Parse(text, BrowserZone.FromIana(zone), Now, out var error);

        Assert.Null(error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Fact]
    public void Parse_EmptyOrNonsense_NowOrAnErrorNamingIt()
    {
        Assert.Null(OccurredAtText.Parse("  ", BrowserZone.Utc, Now, out var none));
        Assert.Null(none);
        Assert.Null(OccurredAtText.Parse("teatime", BrowserZone.Utc, Now, out var error));
        Assert.StartsWith("occurred at: 'teatime' is not a time", error, StringComparison.Ordinal);
    }
}
