namespace Mapper.Cli.Tests.Remote;

/// <summary><c>mapper adapters list|activate|rollback</c> against a console with the model on and two stored versions.</summary>
public sealed class AdapterCommandsTests(ModelConsole console) : IClassFixture<ModelConsole>
{
    [Fact]
    public async Task ActivateThenRollback_RecordsRevisionsTheListShows()
    {
        var admin = await console.AdminAsync();
        var active = (string)(await console.GetAsync("/api/v1/adapters", admin))["active"]!;
        var other = active == "mapper-baseline@1.0.1" ? "1.0.0" : "1.0.1";
        var back = active[(active.LastIndexOf('@') + 1)..];

        var activate = await admin.RunAsync(["adapters", "activate", "--version", other, "--reason", "try the other seed"]);
        var rollback = await admin.RunAsync(["adapters", "rollback", "--to", back, "--reason", "the other seed was worse"]);
        var list = await admin.RunAsync(["adapters", "list"]);

        Assert.Equal(0, activate.ExitCode);
        Assert.Matches($@"^mapper-baseline@{other.Replace(".", @"\.", StringComparison.Ordinal)} is active as revision \d+ \(activate\) \(audit row \d+, epoch \d+\)", activate.Out);
        Assert.Equal(0, rollback.ExitCode);
        Assert.Contains($"mapper-baseline@{back} is active as revision", rollback.Out, StringComparison.Ordinal);
        Assert.Contains("(rollback)", rollback.Out, StringComparison.Ordinal);
        Assert.StartsWith($"serving mapper-baseline@{back} (revision ", list.Out, StringComparison.Ordinal);
        Assert.Contains("mapper-baseline@1.0.0", list.Out, StringComparison.Ordinal);
        Assert.Matches(@"calibration \d+\.\d% ECE \d\.\d{3}", list.Out);
        Assert.Matches($@"rev \d+ +activate +mapper-baseline@{other.Replace(".", @"\.", StringComparison.Ordinal)} .+ by admin .+""try the other seed""", list.Out);
        Assert.Matches($@"rev \d+ +rollback +mapper-baseline@{back.Replace(".", @"\.", StringComparison.Ordinal)} .+ to now +""the other seed was worse""", list.Out);
        var row = (await console.GetAsync("/api/v1/audit?action=adapters&size=1", admin))["rows"]![0]!;
        Assert.Equal("adapters.rollback", (string?)row["action"]);
        Assert.Equal("cli", (string?)row["door"]);
    }

    [Fact]
    public async Task Activate_VersionNotStored_ExitsOneAndTheRefusalIsAudited()
    {
        var admin = await console.AdminAsync();
        var before = (string?)(await console.GetAsync("/api/v1/adapters", admin))["active"];

        var run = await admin.RunAsync(["adapters", "activate", "--version", "7.7.7", "--reason", "does not exist"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTP 409 REFUSED", run.Err, StringComparison.Ordinal);
        Assert.Contains("keep serving", run.Err, StringComparison.Ordinal);
        Assert.Equal(before, (string?)(await console.GetAsync("/api/v1/adapters", admin))["active"]);
        var row = (await console.GetAsync("/api/v1/audit?action=adapters.activate&result=refused", admin))["rows"]![0]!;
        Assert.Equal("cli", (string?)row["door"]);
    }

    [Fact]
    public async Task Rollback_ToAVersionThatNeverServed_ExitsTwo()
    {
        var admin = await console.AdminAsync();

        var run = await admin.RunAsync(["adapters", "rollback", "--to", "3.0.0", "--reason", "never was"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("mapper-baseline@3.0.0 never served; a rollback returns to an earlier version", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "adapters", "activate", "--version", "1.0", "--reason", "x" }, "--version must be MAJOR.MINOR.PATCH, not '1.0'")]
    [InlineData(new[] { "adapters", "activate", "--version", "1.0.0", "--id", "Bad_Id", "--reason", "x" }, "--id must be lower-case letters, digits and '-'")]
    [InlineData(new[] { "adapters", "rollback", "--to", "latest", "--reason", "x" }, "--to must be MAJOR.MINOR.PATCH, not 'latest'")]
    [InlineData(new[] { "adapters", "rollback", "--to", "1.0.0" }, "--reason is required")]
    public async Task AdapterVerbs_BadCommandLine_ExitTwo(string[] args, string message)
    {
        var run = await console.Session().RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }
}
