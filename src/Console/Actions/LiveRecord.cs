using Mapper.Console.Store;
using Mapper.Engine;
using Mapper.Engine.Controls;

namespace Mapper.Console.Actions;

/// <summary>Who last changed one live setting, when and why (from its audit row).</summary>
public sealed record ChangeNote(long AuditId, string Actor, string Action, DateTimeOffset At, string? Reason);

/// <summary>
/// The console's view of what is live: the engine's controls, the kill switch's auto-revert time, and for
/// each setting the audit row that last changed it ("rules-only since 14:02 by alice: reason"). Rebuilt from
/// the log at start-up, advanced by the executor after each commit: a projection of the log, never a second source.
/// </summary>
public sealed class LiveRecord(RuntimeControlsStore controls)
{
    public const string ModeSetting = "mode";
    public const string ThresholdSetting = "threshold";
    public const string BatchSetting = "batch_limits";
    public const string AdapterSetting = "adapter";
    public const string TimeBudgetSetting = "model_time_budget";

    private readonly Lock _lock = new();
    private DateTimeOffset? _revertAt;
    private Dictionary<string, ChangeNote> _notes = new(StringComparer.Ordinal);

    public LiveState Current
    {
        get
        {
            lock (_lock)
            {
                return new LiveState(controls.Current, _revertAt);
            }
        }
    }

    /// <summary>The row that turned rules-only on, while it is on.</summary>
    public ChangeNote? KillSwitch => controls.Current.Mode == MappingMode.RulesOnly ? NoteFor(ModeSetting) : null;

    /// <summary>The rows that last changed each setting, keyed <c>mode</c>, <c>threshold</c>, <c>threshold:&lt;detector&gt;</c>, <c>batch_limits</c>, <c>adapter</c>.</summary>
    public IReadOnlyDictionary<string, ChangeNote> Notes
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, ChangeNote>(_notes, StringComparer.Ordinal);
            }
        }
    }

    public ChangeNote? NoteFor(string setting)
    {
        lock (_lock)
        {
            return _notes.GetValueOrDefault(setting);
        }
    }

    /// <summary>Takes a committed row that changed what is live from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public void Advance(AuditEntry row, LiveState before, LiveState after)
    {
        lock (_lock)
        {
            var note = new ChangeNote(row.Id, row.Actor, row.Action, row.OccurredAt, row.Reason);
            foreach (var setting in before.Epoch == 0 ? AllSettings(after) : ChangedSettings(before, after))
            {
                _notes[setting] = note;
            }

            _revertAt = after.KillSwitchRevertAt;
        }
    }

    /// <summary>Replaces the notes and the revert time (start-up replay of the log).</summary>
    public void Reset(DateTimeOffset? revertAt, Dictionary<string, ChangeNote> notes)
    {
        lock (_lock)
        {
            _revertAt = revertAt;
            _notes = notes;
        }
    }

    /// <summary>Every setting a live state has (the first row of the log "changed" them all).</summary>
    public static IEnumerable<string> AllSettings(LiveState live) =>
        [ModeSetting, ThresholdSetting, BatchSetting, TimeBudgetSetting, AdapterSetting, .. live.Controls.DetectorThresholds.Keys.Select(d => ThresholdSetting + ":" + d)];

    public static IEnumerable<string> ChangedSettings(LiveState before, LiveState after)
    {
        var (b, a) = (before.Controls, after.Controls);
        if (b.Mode != a.Mode || before.KillSwitchRevertAt != after.KillSwitchRevertAt)
        {
            yield return ModeSetting;
        }

        if (b.GlobalThreshold != a.GlobalThreshold)
        {
            yield return ThresholdSetting;
        }

        foreach (var detector in b.DetectorThresholds.Keys.Union(a.DetectorThresholds.Keys).Order(StringComparer.Ordinal))
        {
            if (b.DetectorThresholds.GetValueOrDefault(detector, double.NaN).CompareTo(a.DetectorThresholds.GetValueOrDefault(detector, double.NaN)) != 0)
            {
                yield return ThresholdSetting + ":" + detector;
            }
        }

        if (b.MaxBatchSize != a.MaxBatchSize || b.MaxBatchWait != a.MaxBatchWait)
        {
            yield return BatchSetting;
        }

        if (b.ModelTimeBudget != a.ModelTimeBudget)
        {
            yield return TimeBudgetSetting;
        }

        if (b.ActiveAdapter != a.ActiveAdapter || b.AdapterRevision != a.AdapterRevision)
        {
            yield return AdapterSetting;
        }
    }

    /// <summary>One line for a control's value, as audit rows show old and new values.</summary>
    public static string ModeText(LiveState live) =>
        EngineOptions.ModeName(live.Controls.Mode) + (live.KillSwitchRevertAt is { } at ? $" (auto-revert at {UtcTextConverter.Format(at)})" : "");
}
