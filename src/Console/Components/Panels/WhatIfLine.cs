using System.Globalization;
using Mapper.Console.Components.Dialogs;
using Mapper.Console.Monitoring;

namespace Mapper.Console.Components.Panels;

/// <summary>The what-if of a threshold as a confirm-dialog line, so the person sees the expected effect again before applying.</summary>
public static class WhatIfLine
{
    public static IEnumerable<ChangeLine> For(WhatIf whatIf)
    {
        if (whatIf is { PercentNow: { } now, PercentThen: { } then })
        {
            var minutes = (int)Math.Round(whatIf.Window.TotalMinutes);
            yield return new ChangeLine(
                string.Create(CultureInfo.InvariantCulture, $"Fallback{(whatIf.Detector is { } d ? " for " + d : "")}, last {minutes} min"),
                string.Create(CultureInfo.InvariantCulture, $"{now:0.0}%"),
                string.Create(CultureInfo.InvariantCulture, $"{then:0.0}% (what-if, n={whatIf.Requests:N0})"));
        }
    }
}
