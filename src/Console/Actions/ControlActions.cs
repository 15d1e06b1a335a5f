using System.Globalization;
using Mapper.Engine;
using Mapper.Engine.Controls;
using Mapper.Engine.Data;

namespace Mapper.Console.Actions;

/// <summary>The runtime controls: kill switch, thresholds, batch limits, and restoring or resetting them all.</summary>
public sealed class ControlActions(EngineDataProvider data, EngineOptions defaults, AuditQueries audit) : IActionHandler
{
    public static readonly TimeSpan MaxRevertAfter = TimeSpan.FromDays(7);

    public bool Handles(OperatorCommand command) =>
        command is SetKillSwitch or SetThreshold or ClearThreshold or SetBatchLimits or RestoreControls or ResetControls;

    public async Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope)
    {
        var live = scope.Live;
        var c = live.Controls;
        return command switch
        {
            SetKillSwitch k => KillSwitch(k, live, scope.Now),
            SetThreshold { Detector: null } t => Change(live, live with { Controls = c with { GlobalThreshold = Threshold(t.Value) } },
                Number(c.GlobalThreshold), Number(t.Value), $"global threshold is now {Number(t.Value)}"),
            SetThreshold t => DetectorThreshold(t, live),
            ClearThreshold clear => ClearDetector(clear, live),
            SetBatchLimits b => Change(live, live with { Controls = c with { MaxBatchSize = b.MaxBatchSize, MaxBatchWait = TimeSpan.FromMilliseconds(b.MaxBatchWaitMs) } },
                Batch(c), $"max {b.MaxBatchSize}, wait {Number(b.MaxBatchWaitMs)} ms", $"batch limits are now max {b.MaxBatchSize} items, wait {Number(b.MaxBatchWaitMs)} ms"),
            RestoreControls r => await RestoreAsync(r, live, scope),
            ResetControls => Reset(live),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
    }

    private static ActionPlan KillSwitch(SetKillSwitch k, LiveState live, DateTimeOffset now)
    {
        if (k.RevertAfter is { } after && (after <= TimeSpan.Zero || after > MaxRevertAfter))
        {
            throw ActionRefusedException.Invalid($"revert_after: {after.TotalMinutes:0} minutes; give 1 minute to {MaxRevertAfter.TotalDays:0} days, or none");
        }

        if (!k.On && k.RevertAfter is not null)
        {
            throw ActionRefusedException.Invalid("revert_after: only when turning the kill switch on");
        }

        var mode = k.On ? MappingMode.RulesOnly : MappingMode.Hybrid;
        var next = live with { Controls = live.Controls with { Mode = mode }, KillSwitchRevertAt = k.On && k.RevertAfter is { } a ? now + a : null };
        var message = k.On
            ? "kill switch on: the rules answer every request" + (next.KillSwitchRevertAt is { } at ? $" until {at.ToString("u", CultureInfo.InvariantCulture)}" : "")
            : "kill switch off: the model answers again, the rules back it up";
        return Change(live, next, LiveRecord.ModeText(live), LiveRecord.ModeText(next), message);
    }

    private ActionPlan DetectorThreshold(SetThreshold t, LiveState live)
    {
        var detector = Detector(t.Detector!);
        var c = live.Controls;
        var old = c.DetectorThresholds.TryGetValue(detector, out var v) ? Number(v) : $"global ({Number(c.GlobalThreshold)})";
        var next = live with { Controls = c with { DetectorThresholds = c.DetectorThresholds.SetItem(detector, Threshold(t.Value)) } };
        return Change(live, next, old, Number(t.Value), $"threshold for {detector} is now {Number(t.Value)}");
    }

    private ActionPlan ClearDetector(ClearThreshold clear, LiveState live)
    {
        var detector = Detector(clear.Detector);
        var c = live.Controls;
        if (!c.DetectorThresholds.TryGetValue(detector, out var old))
        {
            throw ActionRefusedException.Invalid($"detector: {detector} has no threshold of its own to clear");
        }

        var next = live with { Controls = c with { DetectorThresholds = c.DetectorThresholds.Remove(detector) } };
        return Change(live, next, Number(old), $"global ({Number(c.GlobalThreshold)})", $"{detector} follows the global threshold again");
    }

    private async Task<ActionPlan> RestoreAsync(RestoreControls r, LiveState live, ActionScope scope)
    {
        if (r.At > scope.Now)
        {
            throw ActionRefusedException.Invalid("at: in the future; give a past time to restore");
        }

        var then = await audit.LiveAtAsync(r.At, scope.CancellationToken)
            ?? throw ActionRefusedException.Invalid($"at: nothing was recorded as live at {r.At.ToString("u", CultureInfo.InvariantCulture)} (before the store began)");

        // Restores the controls; the adapter changes only through its own gate (activate or roll back).
        var restored = live with
        {
            Controls = then.Live.Controls with { ActiveAdapter = live.Controls.ActiveAdapter, AdapterRevision = live.Controls.AdapterRevision },
            KillSwitchRevertAt = null,
        };
        return Change(live, restored, Summary(live), Summary(restored), $"controls restored to what was live at {r.At.ToString("u", CultureInfo.InvariantCulture)} (audit row {then.AuditId})");
    }

    private ActionPlan Reset(LiveState live)
    {
        var d = defaults.ToInitialControls();
        var reset = live with
        {
            Controls = d with { ActiveAdapter = live.Controls.ActiveAdapter, AdapterRevision = live.Controls.AdapterRevision },
            KillSwitchRevertAt = null,
        };
        return Change(live, reset, Summary(live), Summary(reset), "controls reset to the configured defaults");
    }

    private static ActionPlan Change(LiveState before, LiveState after, string oldValue, string newValue, string message)
    {
        if (!LiveRecord.ChangedSettings(before, after).Any())
        {
            throw ActionRefusedException.Invalid($"nothing to change: already {newValue}");
        }

        return new ActionPlan(oldValue, newValue) { NextLive = after, Message = message };
    }

    /// <summary>The canonical detector name, so a threshold set for "OpenAI-Moderation" applies to openai-moderation.</summary>
    private string Detector(string name) =>
        data.Current.Rules.Detectors.Resolve(name)
        ?? throw ActionRefusedException.Invalid($"detector: '{Shorten(name)}' is not a detector the mapping data knows");

    private static double Threshold(double value) =>
        double.IsFinite(value) && value is >= RuntimeControls.MinThreshold and <= RuntimeControls.MaxThreshold
            ? value
            : throw ActionRefusedException.Invalid($"value: {value.ToString(CultureInfo.InvariantCulture)} is outside [0, 1]");

    private static string Summary(LiveState live)
    {
        var c = live.Controls;
        var detectors = c.DetectorThresholds.Count == 0 ? "" : "; " + string.Join(", ", c.DetectorThresholds.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {Number(p.Value)}"));
        return $"{EngineOptions.ModeName(c.Mode)}; threshold {Number(c.GlobalThreshold)}{detectors}; {Batch(c)}; budget {Number(c.ModelTimeBudget.TotalMilliseconds)} ms";
    }

    private static string Batch(RuntimeControls c) => $"max {c.MaxBatchSize}, wait {Number(c.MaxBatchWait.TotalMilliseconds)} ms";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..61] + "...";
}
