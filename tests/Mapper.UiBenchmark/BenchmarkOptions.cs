using System.Globalization;

namespace Mapper.UiBenchmark;

/// <summary>
/// <c>[--tabs 20,100] [--idle-seconds 30] [--settle-seconds 5] [--format text|json] [--console-env NAME=VALUE ...]</c>;
/// <c>--console-env</c> sets a variable of the console process (e.g. <c>DOTNET_gcServer=0</c> to compare GC modes).
/// </summary>
public sealed record BenchmarkOptions(IReadOnlyList<int> Tabs, int IdleSeconds, int SettleSeconds, bool Json, IReadOnlyDictionary<string, string> ConsoleEnvironment)
{
    public const string Usage = "usage: Mapper.UiBenchmark [--tabs 20,100] [--idle-seconds 30] [--settle-seconds 5] [--format text|json] [--console-env NAME=VALUE ...]";

    /// <summary>The options, or the message naming what is wrong.</summary>
    public static (BenchmarkOptions? Options, string? Error) Parse(string[] args)
    {
        var tabs = new List<int> { 20, 100 };
        var idle = 30;
        var settle = 5;
        var json = false;
        var environment = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--tabs" when value is not null:
                    var parsed = value.Split(',').Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 500 ? n : -1).ToList();
                    if (parsed.Contains(-1))
                    {
                        return (null, $"--tabs: '{value}' is not a comma-separated list of tab counts from 1 to 500");
                    }

                    tabs = [.. parsed.Distinct().Order()];
                    break;
                case "--idle-seconds" when value is not null:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out idle) || idle is < 1 or > 3600)
                    {
                        return (null, $"--idle-seconds: '{value}' is not a whole number of seconds from 1 to 3600");
                    }

                    break;
                case "--settle-seconds" when value is not null:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out settle) || settle > 600)
                    {
                        return (null, $"--settle-seconds: '{value}' is not a whole number of seconds from 0 to 600");
                    }

                    break;
                case "--console-env" when value?.IndexOf('=', StringComparison.Ordinal) > 0:
                    environment[value[..value.IndexOf('=', StringComparison.Ordinal)]] = value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..];
                    break;
                case "--format" when value is "text" or "json":
                    json = value == "json";
                    break;
                default:
                    return (null, $"{args[i]}{(value is null ? "" : " " + value)}: not understood. {Usage}");
            }

            i++;
        }

        return (new BenchmarkOptions(tabs, idle, settle, json, environment), null);
    }
}
