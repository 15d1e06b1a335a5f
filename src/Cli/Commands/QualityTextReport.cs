using System.Globalization;
using System.Text;
using Mapper.Engine.Quality;

namespace Mapper.Cli.Commands;

/// <summary>The human-readable form of a <see cref="QualityReport"/>.</summary>
public static class QualityTextReport
{
    public static string Render(QualityReport r, int failures)
    {
        var text = new StringBuilder();
        Line(text, $"Quality: {r.Total} cases in {r.Files} files; mode {r.Mode}; environment {r.Environment} ({r.Profile})");
        Line(text, $"  label accuracy    {r.LabelAccuracyPercent,6:0.0} %   pass rate {r.PassRatePercent:0.0} %   ({failures} cases not passing)");
        Line(text, $"  novel strings     {r.Novel.LabelAccuracyPercent,6:0.0} %   of {r.Novel.Cases} (pass {r.Novel.PassRatePercent:0.0} %); known {r.Known.LabelAccuracyPercent:0.0} % of {r.Known.Cases}");
        Line(text, $"  F1 micro          {r.MicroF1Percent,6:0.0} %   macro {r.MacroF1Percent:0.0} %");
        Line(text, r.SchemaValidPercent is { } valid
            ? $"  schema-valid      {valid,6:0.0} %   of {r.ModelOutputs} model outputs"
            : "  schema-valid        no data (no model outputs)");
        if (r.Calibration is { } c)
        {
            var threshold = c.Threshold is { } t ? t.ToString("0.00", CultureInfo.InvariantCulture) : "per detector";
            Line(text, $"  calibration       ECE {c.ExpectedCalibrationError:0.000} ({c.Bins} bins, {c.Cases} model answers, model accuracy {c.ModelAccuracyPercent:0.0} %)");
            Line(text, $"  at threshold      {c.AccuracyAtThresholdPercent,6:0.0} %   accuracy at {threshold}, coverage {c.CoveragePercent:0.0} %");
        }

        var reasons = string.Join(", ", r.FallbackReasons.Select(p => $"{p.Key} {p.Value}"));
        Line(text, $"  fallback          {r.FallbackPercent,6:0.0} %   {reasons}");
        Line(text, $"  latency           p50 {r.P50Ms:0.000} ms   p95 {r.P95Ms:0.000} ms");
        Line(text, $"  taxonomy coverage {r.TaxonomyCoveragePercent,6:0.0} %   ({r.LabelsCovered} of {r.TaxonomySize} labels)");
        Line(text, "");
        Line(text, $"  {"detector",-28} {"cases",5} {"acc %",6} {"pass %",6} {"P %",6} {"R %",6} {"F1 %",6}");
        foreach (var d in r.Detectors)
        {
            Line(text, $"  {d.Detector,-28} {d.Cases,5} {d.LabelAccuracyPercent,6:0.0} {d.PassRatePercent,6:0.0} {d.PrecisionPercent,6:0.0} {d.RecallPercent,6:0.0} {d.F1Percent,6:0.0}");
        }

        Line(text, "");
        Line(text, $"Gates ({r.Environment}):");
        foreach (var g in r.Gates)
        {
            var actual = g.Actual is { } a ? a.ToString("0.###", CultureInfo.InvariantCulture) : "-";
            var bound = g.Bound == "min" ? ">=" : "<=";
            Line(text, $"  {Status(g.Status),-14} {g.Name,-28} {actual,10} {bound} {g.Threshold}{(g.Note is null ? "" : "   (" + g.Note + ")")}");
        }

        foreach (var f in r.Failures)
        {
            Line(text, $"  FAILED {f.File}[{f.Index}] {f.Detector} '{f.InputOutput}': expected {string.Join('|', f.Expected)}, got {string.Join('|', f.Predicted)} @ {f.Confidence:0.00} (tier {f.RuleTier ?? "-"})");
        }

        text.Append(r.Passed ? "Result: PASS" : "Result: FAIL");
        return text.ToString();
    }

    private static string Status(GateStatus status) => status switch
    {
        GateStatus.Pass => "PASS",
        GateStatus.Fail => "FAIL",
        GateStatus.NoData => "NO DATA",
        _ => "NOT APPLICABLE",
    };

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
