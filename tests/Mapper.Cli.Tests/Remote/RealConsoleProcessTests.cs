using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mapper.Cli.Tests.Remote;

/// <summary>
/// The built console as its own process on a loopback port, and the built tool as its own processes against it over
/// real HTTP: the password on redirected stdin, the token saved under XDG_CONFIG_HOME, MAPPER_URL from the environment.
/// </summary>
public sealed partial class RealConsoleProcessTests : IDisposable
{
    private const string Password = "real-process-password-1";

    private readonly string _scratch = Directory.CreateTempSubdirectory("mapper-cli-process-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task LoginKillSwitchShowMode_AgainstTheRunningConsole_WorkOverHttp()
    {
        using var console = await StartConsoleAsync();
        var url = console.Url;

        var login = await RunMapperAsync(url, Password + "\n", "login", "--user", "admin");
        var on = await RunMapperAsync(url, null, "runtime", "kill-switch", "on", "--reason", "real process drill", "--revert-after", "2h");
        var show = await RunMapperAsync(url, null, "runtime", "show-mode");

        Assert.True(login.Code == 0, login.Err);
        Assert.StartsWith($"logged in to {url} as admin (admin): token ", login.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_scratch, "config", "mapper", "tokens.json")));
        Assert.True(on.Code == 0, on.Err);
        Assert.StartsWith("kill switch on: the rules answer every request until ", on.Out, StringComparison.Ordinal);
        Assert.True(show.Code == 0, show.Err);
        Assert.Contains("mode rules_only: kill switch on since ", show.Out, StringComparison.Ordinal);
        Assert.Contains("by admin (\"real process drill\"), reverts to hybrid at ", show.Out, StringComparison.Ordinal);
    }

    private async Task<RunningConsole> StartConsoleAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _scratch };
        // The console's build output, copied beside the tests by the project reference (as the console's own start-up tests run it).
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mapper.Console.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.Environment["MAPPER_DATA_DIR"] = Path.Combine(_scratch, "data");
        start.Environment["Model__Enabled"] = "false";
        start.Environment["MAPPER_ADMIN_PASSWORD"] = Password;
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        var process = Process.Start(start)!;
        var console = new RunningConsole(process);
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

    private async Task<(int Code, string Out, string Err)> RunMapperAsync(string url, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = _scratch };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mapper.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(_scratch, "config");
        start.Environment["MAPPER_URL"] = url;
        start.Environment.Remove("MAPPER_TOKEN");
        using var process = Process.Start(start)!;
        var cancellation = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    /// <summary>The console process: its address from its own log line, and a kill that waits for the exit.</summary>
    private sealed class RunningConsole(Process process) : IDisposable
    {
        private readonly System.Text.StringBuilder _log = new();

        public string Url { get; set; } = "";

        public async Task<string> ListeningAsync(TimeSpan within)
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
    }
}
