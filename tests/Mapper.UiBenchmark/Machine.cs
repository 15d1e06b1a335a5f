using System.Globalization;
using System.Text.Json.Nodes;

namespace Mapper.UiBenchmark;

/// <summary>What the numbers were measured on: the machine is usually shared, so its load is part of the result.</summary>
public sealed record MachineInfo(int Cores, string LoadBefore, string LoadAfter, string Os);

public static class Machine
{
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static MachineInfo Describe(string loadBefore) =>
        new(Environment.ProcessorCount, loadBefore, LoadAverage(), System.Runtime.InteropServices.RuntimeInformation.OSDescription);

    /// <summary>The console's GC mode from its runtimeconfig (server GC keeps a heap per core, which shows in RSS).</summary>
    public static string ConsoleGc(IReadOnlyDictionary<string, string> environment)
    {
        if (environment.TryGetValue("DOTNET_gcServer", out var set))
        {
            return set == "0" ? "workstation (DOTNET_gcServer=0)" : "server (DOTNET_gcServer=" + set + ")";
        }

        var config = Path.Combine(AppContext.BaseDirectory, "Mapper.Console.runtimeconfig.json");
        var server = File.Exists(config) ? JsonNode.Parse(File.ReadAllText(config))?["runtimeOptions"]?["configProperties"]?["System.GC.Server"] : null;
        return server is null ? "workstation (default)" : (bool)server ? "server" : "workstation";
    }

    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
