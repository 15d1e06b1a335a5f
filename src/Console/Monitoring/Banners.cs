using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Engine.Controls;

namespace Mapper.Console.Monitoring;

public enum BannerLevel
{
    Info,
    Warning,
    Error,
}

/// <summary>A line shown at the top of every page while something needs on-call's attention.</summary>
public sealed record Banner(string Key, BannerLevel Level, string Text, string? Link = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null);

/// <summary>Something that can put banners on every page (the kill switch; later alerts and drills). Read once per sample.</summary>
public interface IBannerSource
{
    IEnumerable<Banner> Banners(EngineSample sample);
}

/// <summary>"rules-only since 14:02 by alice: reason" while the kill switch is on, with its auto-revert time.</summary>
public sealed class KillSwitchBanner(LiveRecord live) : IBannerSource
{
    public IEnumerable<Banner> Banners(EngineSample sample)
    {
        if (sample.Controls.Mode != MappingMode.RulesOnly)
        {
            yield break;
        }

        var note = live.KillSwitch;
        var revert = live.Current.KillSwitchRevertAt;
        var text = "Kill switch on: rules-only" + (note is null ? "" : $" by {note.Actor}: {note.Reason}");
        yield return new Banner("kill-switch", BannerLevel.Warning, text, "/controls", note?.At, revert);
    }
}

/// <summary>Time words for banners rendered without the browser's zone (tests, logs).</summary>
public static class BannerText
{
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
