using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Mapper.Console.Tests.Support;

/// <summary>
/// The real console program in its own process on a loopback port, as an operator runs it: for start-up
/// failures, restarts, and a kill -9 in the middle of work.
/// </summary>
public sealed partial class ConsoleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ConsoleProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Take(e.Data);
        _process.ErrorDataReceived += (_, e) => Take(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress => _listening.Task.Result;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the console on data directory <paramref name="dataDirectory"/> and waits until it listens.</summary>
    public static async Task<ConsoleProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        var console = new ConsoleProcess(Process.Start(StartInfo(dataDirectory, environment, arguments))!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var exited = console._process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(console._listening.Task, exited);
        if (first != console._listening.Task)
        {
            throw new InvalidOperationException($"the console did not start listening:\n{console.Output}");
        }

        return console;
    }

    /// <summary>Runs the console expecting it to refuse to start; the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        await using var console = new ConsoleProcess(Process.Start(StartInfo(dataDirectory, environment, arguments))!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await console._process.WaitForExitAsync(timeout.Token);
        console._process.WaitForExit();
        return (console._process.ExitCode, console.Output);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was acknowledged must already be on disk.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string dataDirectory, IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mapper.Console.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MAPPER_DATA_DIR"] = dataDirectory;
        start.Environment["MAPPER_ADMIN_PASSWORD"] = MapperFactory.AdminPassword;
        start.Environment["Model__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private void Take(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
