using Mapper.Engine;
using Mapper.Engine.Controls;

namespace Mapper.Console.Actions;

/// <summary>One live setting with who last changed it.</summary>
public sealed record SettingView<T>(T Value, string? ChangedBy, DateTimeOffset? ChangedAt, string? Reason, long? AuditId)
{
    public static SettingView<T> Of(T value, ChangeNote? note) => new(value, note?.Actor, note?.At, note?.Reason, note?.AuditId);
}

public sealed record KillSwitchView(bool On, string? Since, string? By, string? Reason, DateTimeOffset? SinceAt, DateTimeOffset? RevertAt);

public sealed record BatchLimitsView(int MaxBatchSize, double MaxBatchWaitMs);

public sealed record DetectorThresholdView(string Detector, double Value, string? ChangedBy, DateTimeOffset? ChangedAt, string? Reason);

/// <summary>Everything live, each part with its provenance: what the Controls page, the overview and <c>GET /api/v1/controls</c> show.</summary>
public sealed record ControlsView(
    long Epoch,
    SettingView<string> Mode,
    KillSwitchView KillSwitch,
    SettingView<double> Threshold,
    IReadOnlyList<DetectorThresholdView> DetectorThresholds,
    SettingView<BatchLimitsView> BatchLimits,
    SettingView<double> ModelTimeBudgetMs,
    SettingView<string?> Adapter,
    int AdapterRevision)
{
    public static ControlsView From(LiveRecord record)
    {
        var live = record.Current;
        var c = live.Controls;
        var notes = record.Notes;
        var mode = notes.GetValueOrDefault(LiveRecord.ModeSetting);
        var on = c.Mode == MappingMode.RulesOnly;
        return new ControlsView(
            c.Epoch,
            SettingView<string>.Of(EngineOptions.ModeName(c.Mode), mode),
            new KillSwitchView(on, on ? mode?.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : null, on ? mode?.Actor : null, on ? mode?.Reason : null, on ? mode?.At : null, on ? live.KillSwitchRevertAt : null),
            SettingView<double>.Of(c.GlobalThreshold, notes.GetValueOrDefault(LiveRecord.ThresholdSetting)),
            [.. c.DetectorThresholds.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
            {
                var note = notes.GetValueOrDefault(LiveRecord.ThresholdSetting + ":" + p.Key);
                return new DetectorThresholdView(p.Key, p.Value, note?.Actor, note?.At, note?.Reason);
            })],
            SettingView<BatchLimitsView>.Of(new BatchLimitsView(c.MaxBatchSize, c.MaxBatchWait.TotalMilliseconds), notes.GetValueOrDefault(LiveRecord.BatchSetting)),
            SettingView<double>.Of(c.ModelTimeBudget.TotalMilliseconds, notes.GetValueOrDefault(LiveRecord.TimeBudgetSetting)),
            SettingView<string?>.Of(c.ActiveAdapter, notes.GetValueOrDefault(LiveRecord.AdapterSetting)),
            c.AdapterRevision);
    }
}
