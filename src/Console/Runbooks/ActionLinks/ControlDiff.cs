using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Engine;
using Mapper.Engine.Controls;

namespace Mapper.Console.Runbooks.ActionLinks;

/// <summary>The confirm-dialog lines between two sets of controls: one per setting that differs.</summary>
public static class ControlDiff
{
    /// <summary>The lines from what is live to <paramref name="to"/>; <paramref name="clearsRevert"/> when the change also drops a pending auto-revert (restore, reset).</summary>
    public static IReadOnlyList<ActionChange> Lines(LiveState from, RuntimeControls to, bool clearsRevert = false)
    {
        var (a, b) = (from.Controls, to);
        var lines = new List<ActionChange>();
        if (a.Mode != b.Mode || (clearsRevert && from.KillSwitchRevertAt is not null))
        {
            lines.Add(new ActionChange("mode", LiveRecord.ModeText(from), EngineOptions.ModeName(b.Mode)));
        }

        if (a.GlobalThreshold != b.GlobalThreshold)
        {
            lines.Add(new ActionChange("global threshold", Number(a.GlobalThreshold), Number(b.GlobalThreshold)));
        }

        foreach (var detector in a.DetectorThresholds.Keys.Union(b.DetectorThresholds.Keys).Order(StringComparer.Ordinal))
        {
            var was = a.DetectorThresholds.TryGetValue(detector, out var x) ? Number(x) : "global";
            var will = b.DetectorThresholds.TryGetValue(detector, out var y) ? Number(y) : "global";
            if (was != will)
            {
                lines.Add(new ActionChange($"threshold for {detector}", was, will));
            }
        }

        if (a.MaxBatchSize != b.MaxBatchSize || a.MaxBatchWait != b.MaxBatchWait)
        {
            lines.Add(new ActionChange("batch limits", Batch(a), Batch(b)));
        }

        if (a.ModelTimeBudget != b.ModelTimeBudget)
        {
            lines.Add(new ActionChange("model time budget", $"{Number(a.ModelTimeBudget.TotalMilliseconds)} ms", $"{Number(b.ModelTimeBudget.TotalMilliseconds)} ms"));
        }

        return lines;
    }

    public static string Batch(RuntimeControls c) => $"max {c.MaxBatchSize}, wait {Number(c.MaxBatchWait.TotalMilliseconds)} ms";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
