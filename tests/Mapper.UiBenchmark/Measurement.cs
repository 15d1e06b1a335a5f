using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Mapper.EndToEnd.Tests.Support;

namespace Mapper.UiBenchmark;

/// <summary>One row of the benchmark: the console and the browser with <see cref="Tabs"/> live overviews, idle.</summary>
public sealed record Measurement(
    int Tabs,
    double OpenSeconds,
    double LiveSeconds,
    double ConsoleRssMb,
    double ConsoleRssMaxMb,
    double? ManagedHeapMb,
    double? ConsoleWorkingSetMb,
    double ConsoleCpuPerSecond,
    double BrowserPssMb,
    int BrowserProcesses);

/// <summary>Measures an idle period: RSS every second, CPU time before and after, then the console's own <c>/metrics</c>.</summary>
public static partial class Idle
{
    public static async Task<Measurement> MeasureAsync(ConsoleServer server, AdminApi api, int tabs, double openSeconds, double liveSeconds, int idleSeconds)
    {
        var pid = server.ProcessId;
        var rss = new List<long>();
        var cpuBefore = ProcessStats.CpuTime(pid);
        var clock = Stopwatch.StartNew();
        for (var second = 1; second <= idleSeconds; second++)
        {
            var wait = TimeSpan.FromSeconds(second) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            rss.Add(ProcessStats.ResidentBytes(pid));
        }

        var cpu = (ProcessStats.CpuTime(pid) - cpuBefore).TotalSeconds / clock.Elapsed.TotalSeconds;

        // After the idle period, so this one request is not in the CPU figure.
        var metrics = await api.GetTextAsync("/metrics");
        var browser = ProcessStats.ChromiumDescendants();
        long browserPss = 0;
        foreach (var process in browser)
        {
            try
            {
                browserPss += ProcessStats.ProportionalBytes(process);
            }
            catch (IOException)
            {
                // A renderer that ended meanwhile.
            }
        }

        return new Measurement(tabs, openSeconds, liveSeconds, Mb(rss[^1]), Mb(rss.Max()), Series(metrics, "dotnet_total_memory_bytes"),
            Series(metrics, "process_working_set_bytes"), cpu, Mb(browserPss), browser.Count);
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private static double? Series(string exposition, string name) =>
        SeriesLine().Matches(exposition).FirstOrDefault(m => m.Groups[1].Value == name) is { } m
            ? Mb((long)double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;

    [GeneratedRegex(@"^([a-z_]+) ([0-9.eE+]+)$", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();
}
