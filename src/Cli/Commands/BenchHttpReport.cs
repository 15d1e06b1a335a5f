using System.Globalization;
using System.Text;

namespace Mapper.Cli.Commands;

/// <summary>The machine a benchmark ran on, and what else it was doing.</summary>
public sealed record BenchMachine(int Processors, string LoadAverage, string Note)
{
    public static BenchMachine Now() => new(
        Environment.ProcessorCount, ReadLoadAverage(),
        $"the load clients and the server share these {Environment.ProcessorCount} processors (one process): the honest setting for one box, not the server's ceiling alone");

    private static string ReadLoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}

/// <summary>A single /map sent by another client while worst-case batches run back to back.</summary>
public sealed record ContentionResult(string WorstShape, int Singles, double P50Ms, double P99Ms, double MaxMs);

/// <summary>The body that cost 600 ms before the limits, and what the API answers now.</summary>
public sealed record OverLimitsResult(int Bytes, int Status, double Ms);

/// <summary>Everything one <c>mapper bench http</c> run measured (the JSON of <c>--format json</c>).</summary>
public sealed record BenchHttpResult(
    BenchMachine Machine, string Address, string Model, double Seconds, double WarmupSeconds,
    IReadOnlyList<LoadResult> Runs, IReadOnlyList<WorstCaseResult> WorstCase, OverLimitsResult OverLimits, ContentionResult Contention)
{
    public string Text()
    {
        var text = new StringBuilder();
        Line(text, $"HTTP benchmark: the console in-process on Kestrel {Address}, model {Model}, {Seconds:0.##} s per run after {WarmupSeconds:0.##} s warm-up");
        Line(text, $"{Machine.Processors} processors, load average {Machine.LoadAverage}; {Machine.Note}.");
        text.AppendLine("POST /map closed loop, keep-alive; noop = POST of the same bodies to a route that answers {} (the framework's own ceiling).");
        text.AppendLine("hybrid = as shipped: a label the adapter answered before comes from its cache (the bodies repeat, so nearly all do); hybrid_model = every label run through the model.");
        Line(text, $"Each row is the median of {Runs.FirstOrDefault()?.Rounds ?? 0} rounds by req/s (range: slowest and fastest round); cpu µs/req: this process's processor time per request, server and clients.");
        text.AppendLine();
        Line(text, $"{"scenario",-14}{"clients",8}{"req/s",11}{"range",18}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"cpu µs/req",12}{"non-200",9}");
        foreach (var run in Runs)
        {
            var range = string.Create(CultureInfo.InvariantCulture, $"{run.MinRequestsPerSecond:N0}-{run.MaxRequestsPerSecond:N0}");
            Line(text, $"{run.Scenario,-14}{run.Clients,8}{run.RequestsPerSecond,11:N0}{range,18}{run.P50Ms,9:0.00}{run.P95Ms,9:0.00}{run.P99Ms,9:0.00}{run.CpuMicrosecondsPerRequest,12:0}{run.Non200,9}");
        }

        foreach (var hybrid in new[] { "hybrid", "hybrid_model" })
        {
            var ratios = Runs.Where(r => r.Scenario == hybrid)
                .Join(Runs.Where(r => r.Scenario == "rules_only"), h => h.Clients, r => r.Clients, (h, r) => FormattableString.Invariant($"{h.Clients}: {h.RequestsPerSecond / r.RequestsPerSecond:0.00}"));
            Line(text, $"{hybrid} ÷ rules_only req/s by clients: {string.Join(", ", ratios)}");
        }

        var cached = Runs.Where(r => r.CachedShare is not null).Select(r => FormattableString.Invariant($"{r.Scenario} at {r.Clients}: {100 * r.CachedShare:0.0}%"));
        Line(text, $"answered from the adapter's cache: {string.Join(", ", cached)}");
        text.AppendLine();
        text.AppendLine("Worst-case batches within the limits (unknown words only: the model answers, falls short, the rules run every tier):");
        Line(text, $"{"shape",-17}{"mode",-12}{"items",6}{"labels",8}{"words",7}{"bytes",8}{"status",8}{"p50 ms",9}{"max ms",9}{"cpu ms",9}");
        foreach (var w in WorstCase)
        {
            Line(text, $"{w.Shape,-17}{w.Mode,-12}{w.Items,6}{w.Labels,8}{w.Words,7}{w.Bytes,8}{w.Status,8}{w.P50Ms,9:0.0}{w.MaxMs,9:0.0}{w.CpuMs,9:0.0}   ({w.Repeats} sent)");
        }

        text.AppendLine("(cpu ms: this process's processor time per batch, server and client; steadier than wall time on a shared machine)");
        Line(text, $"the old 600 ms body (100 items x 280 labels, {OverLimits.Bytes} bytes): status {OverLimits.Status} in {OverLimits.Ms:0.0} ms");
        Line(text, $"another client's single /map while {Contention.WorstShape} batches run back to back: p50 {Contention.P50Ms:0.0} ms, p99 {Contention.P99Ms:0.0} ms, max {Contention.MaxMs:0.0} ms ({Contention.Singles} sent)");
        return text.ToString().TrimEnd();
    }

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
