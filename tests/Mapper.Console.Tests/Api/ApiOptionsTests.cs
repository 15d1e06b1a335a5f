using Mapper.Console.Api;

namespace Mapper.Console.Tests.Api;

public sealed class ApiOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoProblems()
    {
        Assert.Empty(new ApiOptions().Validate());
    }

    [Fact]
    public void Validate_BadWorkLimitsAndProxies_NamesEverySetting()
    {
        var options = new ApiOptions
        {
            MaxLabelsPerOutput = 0,
            MaxLabelWordsPerRequest = 100_001,
            TrustedProxies = ["10.0.0.0/8", "2001:db8::/32", "192.168.1.7", "proxy.internal", "10.0.0.0/99"],
        };

        var problems = options.Validate();

        Assert.Contains("Api:MaxLabelsPerOutput must be within [1, 1000], not 0", problems);
        Assert.Contains("Api:MaxLabelWordsPerRequest must be within [1, 100000], not 100001", problems);
        Assert.Contains(problems, p => p.StartsWith("Api:TrustedProxies:3 must be an IP address", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Api:TrustedProxies:4 must be an IP address", StringComparison.Ordinal));
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Validate_KeysWithoutOrSharingAName_NamesThem()
    {
        var options = new ApiOptions
        {
            ApiKeys =
            [
                new ApiKeyOptions { Name = "ci", Key = "ci-key-0123456789ab" },
                new ApiKeyOptions { Name = "", Key = "anon-key-0123456789" },
                new ApiKeyOptions { Name = "ci", Key = "ci-key-2-0123456789" },
            ],
        };

        var problems = options.Validate();

        Assert.Contains(problems, p => p.StartsWith("Api:ApiKeys:1:Name must be set", StringComparison.Ordinal));
        Assert.Contains("Api:ApiKeys:2:Name 'ci' is already the name of another key", problems);
        Assert.Equal(2, problems.Count);
    }
}
