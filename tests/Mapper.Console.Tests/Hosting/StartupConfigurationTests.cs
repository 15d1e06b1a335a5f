using System.Diagnostics;
using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Hosting;

/// <summary>Start-up as an operator sees it: the real program in its own process, configured by arguments and environment.</summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "mapper-console-tests", Guid.NewGuid().ToString("N"));

    public StartupConfigurationTests() => Directory.CreateDirectory(_scratch);

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Start_BadValues_ExitsNamingEverySettingWithoutStackTrace()
    {
        var (exitCode, error) = await RunAsync(
            ["--Mapper:ConfidenceThreshold=2", "--Slo:WindowMinutes=0"],
            new() { ["Api__MaxPayloadKb"] = "2" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Mapper:ConfidenceThreshold", error);
        Assert.Contains("Api:MaxPayloadKb must be within [4, 1024], not 2", error);
        Assert.Contains("Slo:WindowMinutes", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Start_UnparsableValue_ExitsNamingTheSetting()
    {
        var (exitCode, error) = await RunAsync(["--Mapper:ModelTimeBudgetMs=soon"], []);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Mapper:ModelTimeBudgetMs", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Start_MapperDataDir_SetsDataDirectory()
    {
        var blocked = BlockedPath("from-variable");

        var (exitCode, error) = await RunAsync([], new() { ["MAPPER_DATA_DIR"] = blocked });

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Mapper:DataDirectory '{blocked}' cannot be created", error);
    }

    [Fact]
    public async Task Start_SectionVariableAndCommandLine_OverrideMapperDataDir()
    {
        var fromVariable = BlockedPath("from-variable");
        var fromSection = BlockedPath("from-section");
        var fromCommandLine = BlockedPath("from-command-line");

        var (_, sectionWins) = await RunAsync([], new() { ["MAPPER_DATA_DIR"] = fromVariable, ["Mapper__DataDirectory"] = fromSection });
        var (_, commandLineWins) = await RunAsync([$"--Mapper:DataDirectory={fromCommandLine}"], new() { ["Mapper__DataDirectory"] = fromSection });

        Assert.Contains(fromSection, sectionWins);
        Assert.DoesNotContain(fromVariable, sectionWins);
        Assert.Contains(fromCommandLine, commandLineWins);
    }

    [Fact]
    public async Task Start_SettingAboveRootFile_Overrides()
    {
        await using var factory = new MapperFactory(new Dictionary<string, string?> { ["Api:MaxPayloadKb"] = "4" });
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/map", "{\"detector\":\"presidio\",\"output\":\"US_SSN\",\"tenant_id\":\"t1\"," +
            string.Join(',', Enumerable.Range(0, 600).Select(i => $"\"k{i}\":1")) + "}");

        var detail = await response.AssertErrorAsync(400, "INVALID_REQUEST");
        Assert.Contains("4 KB", (string?)detail["message"]);
    }

    /// <summary>A directory path under a file: creating it must fail, and the message shows which path was used.</summary>
    private string BlockedPath(string name)
    {
        var file = Path.Combine(_scratch, "file-" + name);
        File.WriteAllText(file, "");
        return Path.Combine(file, "data");
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mapper.Console.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("MAPPER_DATA_DIR");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var cancellation = TestContext.Current.CancellationToken;
        var error = process.StandardError.ReadToEndAsync(cancellation);
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
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

        return (process.ExitCode, await error + await output);
    }
}
