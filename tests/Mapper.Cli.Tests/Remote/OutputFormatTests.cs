using System.Text.Json;

namespace Mapper.Cli.Tests.Remote;

/// <summary><c>--format json</c>: stdout is exactly one JSON object, whether the console applied, answered or refused.</summary>
public sealed class OutputFormatTests(InMemoryConsole console) : IClassFixture<InMemoryConsole>
{
    [Theory]
    [InlineData("runtime", "show-mode")]
    [InlineData("thresholds", "show")]
    [InlineData("adapters", "list")]
    [InlineData("audit", "verify")]
    [InlineData("audit", "list", "--size", "3")]
    [InlineData("users", "list")]
    [InlineData("thresholds", "set", "--detector", "openai-moderation", "--value", "0.75", "--reason", "json test")]
    [InlineData("thresholds", "clear", "--detector", "azure-content-safety", "--reason", "nothing to clear: a 422")]
    [InlineData("runtime", "kill-switch", "on", "--reason", "stale", "--expected-epoch", "0")]
    public async Task FormatJson_AnyOutcome_PrintsExactlyOneObject(params string[] args)
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync([.. args, "--format", "json"]);

        // JsonDocument.Parse refuses trailing content, so a second object or a text line would fail here.
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        var root = document.RootElement;
        if (run.ExitCode == 0)
        {
            Assert.False(root.TryGetProperty("detail", out _), run.Out);
        }
        else
        {
            var detail = root.GetProperty("detail");
            Assert.False(string.IsNullOrEmpty(detail.GetProperty("error_code").GetString()));
            Assert.Contains(detail.GetProperty("message").GetString()!, run.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FormatJson_Applied_IsTheConsolesActionResponse()
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync(["thresholds", "set", "--detector", "deberta-toxicity", "--value", "0.7", "--reason", "json", "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal("applied", document.RootElement.GetProperty("status").GetString());
        Assert.True(document.RootElement.GetProperty("audit_id").GetInt64() > 0);
        Assert.True(document.RootElement.GetProperty("epoch").GetInt64() > 0);
    }

    [Fact]
    public async Task FormatJson_Stale_IsTheConsolesErrorWithExitOne()
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync(["runtime", "kill-switch", "on", "--reason", "stale", "--expected-epoch", "0", "--format", "json"]);

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal("STALE", document.RootElement.GetProperty("detail").GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task FormatJson_Login_LeavesTheSecretOut()
    {
        var session = console.Session();

        var run = await session.RunAsync(["login", "--user", "admin", "--format", "json"], stdin: InMemoryConsole.AdminPassword + "\n");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.False(document.RootElement.TryGetProperty("secret", out _));
        Assert.False(document.RootElement.TryGetProperty("token", out _));
        Assert.Equal("admin", document.RootElement.GetProperty("role").GetString());
        Assert.DoesNotContain(session.Token, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatText_BadFormat_ExitsTwo()
    {
        var run = await console.Session().RunAsync(["runtime", "show-mode", "--format", "yaml"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format must be one of text, json, not 'yaml'", run.Err, StringComparison.Ordinal);
    }
}
