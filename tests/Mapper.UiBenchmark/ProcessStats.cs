using System.Diagnostics;
using System.Globalization;

namespace Mapper.UiBenchmark;

/// <summary>What Linux says about a process: resident memory (<c>/proc/PID/status</c>), proportional memory
/// (<c>/proc/PID/smaps_rollup</c>) and CPU time; and which of this benchmark's descendants are Chromium.</summary>
public static class ProcessStats
{
    /// <summary>VmRSS in bytes (resident: private plus every shared page it maps).</summary>
    public static long ResidentBytes(int pid) => Kilobytes($"/proc/{pid}/status", "VmRSS:") * 1024;

    /// <summary>Pss in bytes: shared pages divided among the processes that share them, so a sum over processes is fair.</summary>
    public static long ProportionalBytes(int pid) => Kilobytes($"/proc/{pid}/smaps_rollup", "Pss:") * 1024;

    /// <summary>User plus system CPU time the process has used so far.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        using var process = Process.GetProcessById(pid);
        return process.TotalProcessorTime;
    }

    /// <summary>Every live process below this one whose executable is Chromium (browser, GPU, renderers, utilities).</summary>
    public static IReadOnlyList<int> ChromiumDescendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Parent(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var self = Environment.ProcessId;
        return [.. parents.Keys.Where(pid => DescendsFrom(pid, self, parents) && IsChromium(pid))];
    }

    private static bool DescendsFrom(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var current = pid; parents.TryGetValue(current, out var parent) && parent > 1; current = parent)
        {
            if (parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsChromium(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/exe").LinkTarget?.Contains("chromium", StringComparison.Ordinal) == true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int? Parent(int pid)
    {
        try
        {
            // "PID (comm) S PPID ...": comm may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long Kilobytes(string file, string key)
    {
        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{file} has no {key} line");
    }
}
