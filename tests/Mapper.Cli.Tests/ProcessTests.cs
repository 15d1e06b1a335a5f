using System.Diagnostics;

namespace Mapper.Cli.Tests;

/// <summary>The built tool, run as its own process: exit codes and environment-variable layering as a shell sees them.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Mapper_EnvironmentVariableOverride_IsValidatedAndNamed()
    {
        var (code, output) = await RunAsync(["validate-config"], ("Mapper__ConfidenceThreshold", "7"));

        Assert.Equal(1, code);
        Assert.Contains("Mapper:ConfidenceThreshold must be within [0, 1], not 7", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapper_UnknownVerb_ExitsTwo()
    {
        var (code, _) = await RunAsync(["frobnicate"]);

        Assert.Equal(2, code);
    }

    private static async Task<(int Code, string Output)> RunAsync(string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mapper.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
