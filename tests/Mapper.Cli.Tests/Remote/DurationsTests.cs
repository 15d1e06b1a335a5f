using Mapper.Cli.Remote;

namespace Mapper.Cli.Tests.Remote;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData(" 45m ", 2700)]
    public void Parse_NumberAndUnit_IsThatDuration(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse("--revert-after", text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("0s")]
    [InlineData("1.5h")]
    [InlineData("2H")]
    [InlineData("1w")]
    [InlineData("9999999m")]
    public void Parse_AnythingElse_IsAUsageErrorQuotingIt(string text)
    {
        var error = Assert.Throws<UsageException>(() => Durations.Parse("--revert-after", text));

        Assert.Equal($"--revert-after must be a duration like 90s, 30m, 2h or 1d, not '{text}'", error.Message);
    }
}
