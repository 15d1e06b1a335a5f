using System.Diagnostics;
using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support;

/// <summary>
/// Debian's Chromium, driven by the Playwright driver that ships in the NuGet package (never <c>playwright install</c>,
/// which downloads a browser build this machine cannot fetch). A fresh machine has no browser: it is installed from
/// Debian's packages on first use, so the end-to-end tests run rather than skip. Shared with the UI benchmark.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string InstallHint =
        "install Debian's chromium package: apt-get -o DPkg::Lock::Timeout=600 update && apt-get -o DPkg::Lock::Timeout=600 install -y chromium";

    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>Installs chromium with apt when <see cref="ExecutablePath"/> is absent; throws saying what to install if that fails.</summary>
    public static async Task EnsureInstalledAsync(TextWriter log, CancellationToken cancellationToken = default)
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(ExecutablePath))
            {
                return;
            }

            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            {
                throw new InvalidOperationException($"{ExecutablePath} is missing and this is not a Debian machine with apt-get: {InstallHint}");
            }

            await log.WriteLineAsync($"{ExecutablePath} is missing: installing Debian's chromium package (about a minute)");
            var update = await AptAsync(["update"], cancellationToken);
            var install = await AptAsync(["install", "-y", "chromium"], cancellationToken);
            if (!File.Exists(ExecutablePath))
            {
                throw new InvalidOperationException(
                    $"{ExecutablePath} is still missing after apt-get (exit {update.ExitCode}, then {install.ExitCode}); {InstallHint}\n{update.Output}\n{install.Output}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = Arguments,
    });

    private static async Task<(int ExitCode, string Output)> AptAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("apt-get") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add("DPkg::Lock::Timeout=600");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var apt = Process.Start(start)!;
        var output = apt.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = apt.StandardError.ReadToEndAsync(cancellationToken);
        await apt.WaitForExitAsync(cancellationToken);
        return (apt.ExitCode, Tail(await output + await error));
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
