using System.Diagnostics;

namespace Mapper.Cli.Tests.Remote;

/// <summary>
/// The built console as its own process on a loopback port, and the built tool as its own processes against it over
/// real HTTP: the password on redirected stdin, the token saved under XDG_CONFIG_HOME, MAPPER_URL from the environment.
/// </summary>
public sealed class RealConsoleProcessTests : IDisposable
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

    private Task<RunningConsole> StartConsoleAsync() =>
        RunningConsole.StartAsync(_scratch, new Dictionary<string, string> { ["MAPPER_ADMIN_PASSWORD"] = Password });

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
}
