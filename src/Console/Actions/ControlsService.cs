using System.Globalization;
using Mapper.Console.Monitoring;
using Mapper.Engine;
using Mapper.Engine.Controls;
using Mapper.Engine.Data;

namespace Mapper.Console.Actions;

/// <summary>One control that two states set differently, in the words the confirm dialog shows.</summary>
public sealed record ControlChange(string What, string From, string To);

/// <summary>
/// The Controls page's one service: what is live (with who set it), the detectors a threshold can be set for,
/// the what-if of a proposed threshold, what was live at a past time, and the configured defaults. Reads only:
/// every change goes through the executor as a command.
/// </summary>
public sealed class ControlsService(LiveRecord live, ThresholdPreview preview, EngineDataProvider data, EngineOptions defaults, AuditQueries audit)
{
    public ControlsView Live() => ControlsView.From(live);

    /// <summary>The engine's controls now (for comparing with a past or default state).</summary>
    public RuntimeControls Current() => live.Current.Controls;

    /// <summary>The canonical names of the detectors the mapping data knows, in order.</summary>
    public IReadOnlyList<string> Detectors() => [.. data.Current.Data.Detectors.Select(d => d.Detector).Order(StringComparer.Ordinal)];

    public WhatIf Preview(double threshold, string? detector) => preview.Preview(threshold, detector);

    public Task<LiveAt?> LiveAtAsync(DateTimeOffset at, CancellationToken cancellationToken) => audit.LiveAtAsync(at, cancellationToken);

    /// <summary>What <c>ResetControls</c> goes back to (the adapter is not a control and stays).</summary>
    public RuntimeControls Defaults() => defaults.ToInitialControls();

    /// <summary>Every control that <paramref name="to"/> sets differently from <paramref name="from"/> (the adapter is left out: restore and reset keep it).</summary>
    public static IReadOnlyList<ControlChange> Differences(RuntimeControls from, RuntimeControls to)
    {
        var changes = new List<ControlChange>();
        if (from.Mode != to.Mode)
        {
            changes.Add(new("Mode", EngineOptions.ModeName(from.Mode), EngineOptions.ModeName(to.Mode)));
        }

        if (from.GlobalThreshold != to.GlobalThreshold)
        {
            changes.Add(new("Global threshold", Number(from.GlobalThreshold), Number(to.GlobalThreshold)));
        }

        foreach (var detector in from.DetectorThresholds.Keys.Union(to.DetectorThresholds.Keys).Order(StringComparer.Ordinal))
        {
            var before = from.DetectorThresholds.TryGetValue(detector, out var b) ? Number(b) : "global";
            var after = to.DetectorThresholds.TryGetValue(detector, out var a) ? Number(a) : "global";
            if (before != after)
            {
                changes.Add(new($"Threshold for {detector}", before, after));
            }
        }

        if (from.MaxBatchSize != to.MaxBatchSize || from.MaxBatchWait != to.MaxBatchWait)
        {
            changes.Add(new("Batch limits", Batch(from), Batch(to)));
        }

        if (from.ModelTimeBudget != to.ModelTimeBudget)
        {
            changes.Add(new("Model time budget", Number(from.ModelTimeBudget.TotalMilliseconds) + " ms", Number(to.ModelTimeBudget.TotalMilliseconds) + " ms"));
        }

        return changes;
    }

    /// <summary>Every control in one line: "hybrid; threshold 0.60; presidio 0.70; max 32, wait 5 ms".</summary>
    public static string Summary(RuntimeControls c)
    {
        var detectors = string.Concat(c.DetectorThresholds.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"; {p.Key} {Number(p.Value)}"));
        return $"{EngineOptions.ModeName(c.Mode)}; threshold {Number(c.GlobalThreshold)}{detectors}; {Batch(c)}";
    }

    public static string Number(double value) => value.ToString("0.00#", CultureInfo.InvariantCulture);

    public static string Batch(RuntimeControls c) => string.Create(CultureInfo.InvariantCulture, $"max {c.MaxBatchSize}, wait {c.MaxBatchWait.TotalMilliseconds:0.##} ms");
}
