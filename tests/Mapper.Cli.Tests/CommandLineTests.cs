namespace Mapper.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_PositionalBetweenFlags_IsTakenInOrder()
    {
        var line = CommandLine.Parse(["--role", "viewer", "alice", "--reason", "on-call"], ["--role", "--reason"], [], ["NAME"]);

        Assert.Equal("alice", line.Argument("NAME"));
        Assert.Equal("viewer", line.Value("--role"));
        Assert.Equal("on-call", line.Value("--reason"));
    }

    [Fact]
    public void Parse_NegativeLookingValue_IsTheOptionsValueNotAFlag()
    {
        var line = CommandLine.Parse(["--revert-after", "-5m"], ["--revert-after"], []);

        Assert.Equal("-5m", line.Value("--revert-after"));
    }

    [Fact]
    public void Parse_MoreArgumentsThanDeclared_IsAUsageError()
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse(["alice", "bob"], [], [], ["NAME"]));

        Assert.Equal("unexpected argument 'bob'", error.Message);
    }

    [Fact]
    public void Argument_Missing_IsAUsageErrorNamingIt()
    {
        var line = CommandLine.Parse([], [], [], ["NAME"]);

        Assert.Equal("NAME is required", Assert.Throws<UsageException>(() => line.Argument("NAME")).Message);
    }

    [Fact]
    public void Parse_NoDeclaredArguments_RefusesAStrayWordAsBefore()
    {
        Assert.Equal("unexpected argument 'extra'", Assert.Throws<UsageException>(() => CommandLine.Parse(["extra"], ["--x"], [])).Message);
    }

    [Theory]
    [InlineData("/home/ops/.xdg", "/home/ops", "/home/ops/.xdg/mapper")]
    [InlineData("relative/xdg", "/home/ops", "/home/ops/.config/mapper")]
    [InlineData(null, "/home/ops", "/home/ops/.config/mapper")]
    [InlineData(null, null, "/profile/.config/mapper")]
    public void DefaultConfigDirectory_FollowsXdgThenHome(string? xdg, string? home, string expected)
    {
        var variables = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = xdg, ["HOME"] = home };

        var directory = CliContext.DefaultConfigDirectory(name => variables.GetValueOrDefault(name), "/profile");

        Assert.Equal(expected.Replace('/', Path.DirectorySeparatorChar), directory?.Replace('/', Path.DirectorySeparatorChar));
    }
}
