using System.Text.Json;

namespace Mapper.Cli.Tests.Remote;

/// <summary>No console at all: the real network handler, a closed loopback port, and addresses that are not URLs.</summary>
public sealed class ConnectionTests : IDisposable
{
    private const string ClosedPort = "http://127.0.0.1:1";

    private static readonly Dictionary<string, string> SomeToken = new() { ["MAPPER_TOKEN"] = "mpr_notCheckedBecauseNothingAnswers000000000" };

    private readonly string _home = Directory.CreateTempSubdirectory("mapper-cli-connection-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Theory]
    [InlineData("runtime", "show-mode")]
    [InlineData("runtime", "kill-switch", "on", "--reason", "incident")]
    [InlineData("audit", "export", "--out", "audit.csv")]
    public async Task Remote_ClosedPort_ExitsThreeNamingTheUrl(params string[] args)
    {
        var run = await Session(url: null).RunAsync([.. args, "--url", ClosedPort], environment: SomeToken);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"cannot reach the console at {ClosedPort}: connection refused", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ClosedPortFromMapperUrl_ExitsThree()
    {
        var run = await Session(ClosedPort).RunAsync(["login", "--user", "admin"], stdin: "some password\n");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"cannot reach the console at {ClosedPort}", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_ClosedPortFormatJson_PrintsOneErrorObject()
    {
        var run = await Session(ClosedPort).RunAsync(["thresholds", "show", "--format", "json"], environment: SomeToken);

        Assert.Equal(3, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var detail = document.RootElement.GetProperty("detail");
        Assert.Equal("UNREACHABLE", detail.GetProperty("error_code").GetString());
        Assert.True(detail.GetProperty("retryable").GetBoolean());
    }

    [Theory]
    [InlineData("localhost:5080")]
    [InlineData("ftp://console.example")]
    [InlineData("http://console.example/?x=1")]
    [InlineData("not a url")]
    public async Task Remote_BadUrl_ExitsTwo(string url)
    {
        var run = await Session(url: null).RunAsync(["runtime", "show-mode", "--url", url], environment: SomeToken);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--url must be the console's http(s) address, e.g. http://localhost:5080, not '{url}'", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_NoConfigDirectory_ExitsTwoBeforeAskingForThePassword()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, TestContext.Current.CancellationToken) { In = new StringReader("unused password\n") };

        var code = await CliApp.RunAsync(["login", "--user", "admin", "--url", ClosedPort], context);

        Assert.Equal(2, code);
        Assert.Contains("no config directory to save the token in", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_CorruptTokenFile_ExitsTwoNamingIt()
    {
        var session = Session(ClosedPort);
        Directory.CreateDirectory(session.ConfigDirectory);
        await File.WriteAllTextAsync(session.TokenFilePath, "{ not json", TestContext.Current.CancellationToken);

        var run = await session.RunAsync(["runtime", "show-mode"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{session.TokenFilePath} is not a token file mapper wrote", run.Err, StringComparison.Ordinal);
    }

    private CliSession Session(string? url) => new(handler: null, Path.Combine(_home, "mapper"), url);
}
