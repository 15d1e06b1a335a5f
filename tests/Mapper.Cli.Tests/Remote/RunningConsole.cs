using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mapper.Cli.Tests.Remote;

/// <summary>The built console as its own process on a loopback port: its address from its own log line, and a kill that waits for the exit.</summary>
internal sealed partial class RunningConsole(Process process) : IDisposable
{
    private readonly System.Text.StringBuilder _log = new();

    public string Url { get; private set; } = "";

    /// <summary>Starts the console from the test output (the project reference copies it there) with its data under <paramref name="scratch"/>.</summary>
    public static async Task<RunningConsole> StartAsync(string scratch, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = scratch };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mapper.Console.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.Environment["MAPPER_DATA_DIR"] = Path.Combine(scratch, "data");
        start.Environment["Model__Enabled"] = "false";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var console = new RunningConsole(Process.Start(start)!);
        try
        {
            console.Url = await console.ListeningAsync(TimeSpan.FromSeconds(60));
            return console;
        }
        catch
        {
            console.Dispose();
            throw;
        }
    }

    private async Task<string> ListeningAsync(TimeSpan within)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(within);
        _ = DrainAsync(process.StandardError);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                _log.AppendLine(line);
                if (Listening().Match(line) is { Success: true } match)
                {
                    _ = DrainAsync(process.StandardOutput);
                    return match.Groups[1].Value;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the console did not say where it listens within {within.TotalSeconds:0} s:\n{_log}");
        }

        throw new InvalidOperationException($"the console exited ({(process.WaitForExit(5000) ? process.ExitCode : -1)}) before listening:\n{_log}");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    /// <summary>Keeps reading so a full pipe never blocks the console's logging.</summary>
    private static async Task DrainAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        while (await reader.ReadAsync(buffer) > 0)
        {
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
