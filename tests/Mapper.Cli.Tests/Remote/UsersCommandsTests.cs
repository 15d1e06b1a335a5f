using System.Text.Json.Nodes;

namespace Mapper.Cli.Tests.Remote;

public sealed class UsersCommandsTests(InMemoryConsole console) : IClassFixture<InMemoryConsole>
{
    [Fact]
    public async Task Add_PasswordOnStdin_CreatesAnAccountThatCanLogIn()
    {
        var admin = await console.AdminAsync();

        var add = await admin.RunAsync(["users", "add", "olga", "--role", "operator", "--reason", "joins on-call"], stdin: "olga-passphrase-2026\n");
        var list = await admin.RunAsync(["users", "list"]);
        var olga = await console.LoginAsync("olga", "olga-passphrase-2026");
        var asOperator = await olga.RunAsync(["runtime", "kill-switch", "on", "--reason", "operators may"]);
        var off = await olga.RunAsync(["runtime", "kill-switch", "off", "--reason", "and back"]);

        Assert.Equal(0, add.ExitCode);
        Assert.Matches(@"^account olga created with role operator \(audit row \d+, epoch \d+\)", add.Out);
        Assert.Matches(@"\n  olga +operator +active +created ", list.Out);
        Assert.Equal(0, asOperator.ExitCode);
        Assert.Equal(0, off.ExitCode);
        var row = (await console.GetAsync("/api/v1/audit?action=users.add&actor=admin", admin))["rows"]![0]!;
        Assert.Equal("user:olga", (string?)row["target"]);
        Assert.Equal("cli", (string?)row["door"]);
        Assert.DoesNotContain("olga-passphrase-2026", row.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ShortPassword_ExitsTwoQuotingThePolicy()
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync(["users", "add", "pete", "--role", "viewer", "--reason", "x"], stdin: "short\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("password: Passwords must be at least 12 characters.", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("pete", (await admin.RunAsync(["users", "list"])).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_AsOperator_ExitsOne()
    {
        var admin = await console.AdminAsync();
        Assert.Equal(0, (await admin.RunAsync(["users", "add", "otto", "--role", "operator", "--reason", "on-call"], stdin: "otto-passphrase-2026\n")).ExitCode);
        var otto = await console.LoginAsync("otto", "otto-passphrase-2026");

        var run = await otto.RunAsync(["users", "add", "mallory", "--role", "admin", "--reason", "me too"], stdin: "mallory-passphrase\n");
        var list = await otto.RunAsync(["users", "list"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("operator may not users.add: it takes the admin role (HTTP 403 INSUFFICIENT_RBAC)", run.Err, StringComparison.Ordinal);
        Assert.Equal(1, list.ExitCode);
        Assert.Contains("listing accounts takes the admin role", list.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "users", "add", "--role", "viewer", "--reason", "x" }, "NAME is required")]
    [InlineData(new[] { "users", "add", "ann", "bob", "--role", "viewer", "--reason", "x" }, "unexpected argument 'bob'")]
    [InlineData(new[] { "users", "add", "ann", "--role", "boss", "--reason", "x" }, "--role must be one of viewer, operator, admin, not 'boss'")]
    [InlineData(new[] { "users", "add", "ann", "--role", "viewer" }, "--reason is required")]
    public async Task Add_BadCommandLine_ExitsTwoWithUsage(string[] args, string message)
    {
        var run = await console.Session().RunAsync(args, stdin: "a-good-long-password\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.Contains("usage: mapper users add NAME", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_NoPasswordOnStdin_ExitsTwo()
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync(["users", "add", "nopass", "--role", "viewer", "--reason", "x"], stdin: "");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no password given", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FormatJson_WrapsTheAccountsInOneObject()
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync(["users", "list", "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        var users = JsonNode.Parse(run.Out)!["users"]!.AsArray();
        Assert.Contains(users, u => (string?)u!["name"] == "admin" && (string?)u["role"] == "admin");
    }
}
