using System.Diagnostics;

namespace Mapper.Cli.Tests.Alerts;

/// <summary>
/// A Debian package a test needs (Prometheus, for its promtool and its server), installed when missing, so
/// `dotnet test` works on a fresh machine; the test fails with what to install if it cannot be.
/// </summary>
internal static class DebianPackage
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static async Task EnsureAsync(string package, string executable)
    {
        if (File.Exists(executable))
        {
            return;
        }

        await Installing.WaitAsync();
        try
        {
            if (!File.Exists(executable))
            {
                await RunAsync("apt-get", "-o", "DPkg::Lock::Timeout=600", "update");
                await RunAsync("apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", package);
            }
        }
        finally
        {
            Installing.Release();
        }

        Assert.True(File.Exists(executable), $"{executable} is missing: install the Debian package '{package}' (apt-get install -y {package})");
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await output}\n{await error}");
    }
}
