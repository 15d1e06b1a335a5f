using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Engine.Controls;

namespace Mapper.Console.Monitoring;

public enum GaugeState
{
    Ok,
    Warning,
    Breach,
    NoData,

    /// <summary>Off target by an operator's choice (rules-only drives fallback to 100%): shown, not alarmed.</summary>
    Expected,
}

/// <summary>One gauge as the overview shows it: its value against its target, a state, and how old its data is.</summary>
public sealed record GaugeView(string Key, string Title, double? Value, string ValueText, string TargetText, GaugeState State, string? Note, DateTimeOffset? DataAt, double Fill);

/// <summary>
/// The five gauges of the overview from one sample. Warning means more than half of the allowed error is used
/// (or 80% of a bound); breach means the target is missed. No data is its own state, never 0.
/// </summary>
public static class Gauges
{
    public const string SchemaValid = "schema-valid";
    public const string Fallback = "fallback";
    public const string Latency = "latency-p95";
    public const string Errors = "http-5xx";
    public const string QueueLag = "queue-lag";

    public static IReadOnlyList<GaugeView> From(EngineSample sample, ChangeNote? killSwitch)
    {
        var s = sample.Slis;
        var t = sample.Targets;
        var rulesOnly = sample.Controls.Mode == MappingMode.RulesOnly;
        return
        [
            AtLeast(SchemaValid, "Schema-valid", s.SchemaValidPercentage, t.SchemaValidMinPercent, s.NewestModelOutputAt,
                rulesOnly ? "no model outputs: rules-only, the model is not asked" : "no model outputs in the window"),
            FallbackGauge(sample, killSwitch),
            AtMost(Latency, $"p95 latency ({t.Profile})", s.P95LatencySeconds is { } p ? p * 1000 : null, t.LatencyP95MaxSeconds * 1000, "ms", strict: false, s.NewestRequestAt, "no requests in the window"),
            AtMost(Errors, "5xx rate", s.Http5xxPercentage, t.ErrorRateMaxPercent, "%", strict: true, s.NewestResponseAt, "no responses in the window"),
            AtMost(QueueLag, "Queue lag", s.QueueLagSeconds, t.QueueLagMaxSeconds, "s", strict: false, sample.At, null) with
            {
                Note = $"max {Number(s.MaxQueueLagSeconds)} s in the window; {sample.Model.QueueLength} waiting",
            },
        ];
    }

    public static GaugeState StateAtLeast(double value, double target) =>
        value < target ? GaugeState.Breach : value < target + ((100 - target) / 2) ? GaugeState.Warning : GaugeState.Ok;

    public static GaugeState StateAtMost(double value, double bound, bool strict) =>
        (strict ? value >= bound : value > bound) ? GaugeState.Breach : value > bound * 0.8 ? GaugeState.Warning : GaugeState.Ok;

    private static GaugeView FallbackGauge(EngineSample sample, ChangeNote? killSwitch)
    {
        var s = sample.Slis;
        var gauge = AtMost(Fallback, "Fallback", s.Requests == 0 ? null : s.FallbackPercentage, sample.Targets.FallbackMaxPercent, "%", strict: true, s.NewestRequestAt, "no requests in the window");
        if (sample.Controls.Mode != MappingMode.RulesOnly)
        {
            return gauge;
        }

        var who = killSwitch is null ? "" : $" since {killSwitch.At.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC by {killSwitch.Actor}" + (killSwitch.Reason is { } r ? $" ({r})" : "");
        return gauge with { State = GaugeState.Expected, Note = "expected: rules-only" + who };
    }

    private static GaugeView AtLeast(string key, string title, double? value, double target, DateTimeOffset? at, string noData) =>
        value is not { } v
            ? new GaugeView(key, title, null, "no data", $"≥ {Number(target)} %", GaugeState.NoData, noData, at, 0)
            : new GaugeView(key, title, v, $"{Number(v)} %", $"≥ {Number(target)} %", StateAtLeast(v, target), null, at, v / 100);

    private static GaugeView AtMost(string key, string title, double? value, double bound, string unit, bool strict, DateTimeOffset? at, string? noData) =>
        value is not { } v
            ? new GaugeView(key, title, null, "no data", $"{(strict ? "<" : "≤")} {Number(bound)} {unit}", GaugeState.NoData, noData, at, 0)
            : new GaugeView(key, title, v, $"{Number(v)} {unit}", $"{(strict ? "<" : "≤")} {Number(bound)} {unit}", StateAtMost(v, bound, strict), null, at, Math.Clamp(v / (bound * 1.25), 0, 1));

    private static string Number(double value) => value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.##", CultureInfo.InvariantCulture);
}
