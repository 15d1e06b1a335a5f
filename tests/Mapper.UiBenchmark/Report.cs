using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mapper.UiBenchmark;

public sealed record BenchmarkRun(MachineInfo Machine, string ConsoleGc, IReadOnlyDictionary<string, string> ConsoleEnvironment, int IdleSeconds, IReadOnlyList<Measurement> Rows)
{
    /// <summary>The goal the numbers are read against (not checked here): 100 live overviews in at most 500 MB of console RSS.</summary>
    public object Goal => new { Tabs = 100, ConsoleRssMaxMb = 500 };
}

/// <summary>The run as a table for people or one JSON object for scripts.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Json(BenchmarkRun run) => JsonSerializer.Serialize(run, Options);

    public static string Table(BenchmarkRun run)
    {
        var text = new StringBuilder();
        text.AppendLine($"UI memory benchmark: console (Release build output, {run.ConsoleGc} GC) with N live overviews in one headless Chromium, idle {run.IdleSeconds} s");
        if (run.ConsoleEnvironment.Count > 0)
        {
            text.AppendLine("console environment: " + string.Join(' ', run.ConsoleEnvironment.Select(e => $"{e.Key}={e.Value}")));
        }

        text.AppendLine($"machine: {run.Machine.Cores} cores, {run.Machine.Os}, load average {run.Machine.LoadBefore} before, {run.Machine.LoadAfter} after (shared: numbers are noisy)");
        text.AppendLine();
        text.AppendLine("  tabs  open s  live s  console RSS MB  (max)  per tab MB  managed heap MB  CPU s/s  browser PSS MB  (procs)");
        var baseline = run.Rows.FirstOrDefault(r => r.Tabs == 0);
        foreach (var r in run.Rows)
        {
            var perTab = baseline is null || r.Tabs == 0 ? "" : Machine.Number((r.ConsoleRssMb - baseline.ConsoleRssMb) / r.Tabs, "0.00");
            text.AppendLine(
                $"  {r.Tabs,4}  {Machine.Number(r.OpenSeconds),6}  {Machine.Number(r.LiveSeconds),6}  {Machine.Number(r.ConsoleRssMb),14}  {Machine.Number(r.ConsoleRssMaxMb),5}  {perTab,10}  " +
                $"{(r.ManagedHeapMb is { } h ? Machine.Number(h) : "n/a"),15}  {Machine.Number(r.ConsoleCpuPerSecond, "0.000"),7}  {Machine.Number(r.BrowserPssMb),14}  {r.BrowserProcesses,7}");
        }

        text.AppendLine();
        text.AppendLine("goal to read against: 100 live overviews in at most 500 MB of console RSS (this benchmark does not judge it).");
        text.Append("CPU s/s: console CPU time over the idle period / its length (1.0 = one core busy). per tab: RSS over the 0-tab row / tabs.");
        return text.ToString();
    }
}
