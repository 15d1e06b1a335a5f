using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Api;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Map_TenantOverBurst_Returns429WithHeaders()
    {
        await using var factory = new MapperFactory(new Dictionary<string, string?>
        {
            ["Api:RateLimitPerSecond"] = "0.01",
            ["Api:RateLimitBurst"] = "2",
        });
        using var client = factory.CreateClient();

        using var first = await client.PostAsync("/map", Http.Ssn);
        using var second = await client.PostAsync("/map", Http.Ssn);
        using var third = await client.PostAsync("/map", Http.Ssn);
        using var otherTenant = await client.PostAsync("/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t2"}""");

        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal("2", first.Header("RateLimit-Limit"));
        Assert.Equal("1", first.Header("RateLimit-Remaining"));
        var detail = await third.AssertErrorAsync(429, "RATE_LIMITED");
        Assert.True((bool)detail["retryable"]!);
        Assert.True(third.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("2", third.Header("RateLimit-Limit"));
        Assert.Equal("0", third.Header("RateLimit-Remaining"));
        Assert.NotEqual("", third.Header("RateLimit-Reset"));
        Assert.Equal(200, (int)otherTenant.StatusCode);
    }

    [Fact]
    public async Task Map_ModelOverloaded_Returns429WithRetryAfter()
    {
        await using var factory = new MapperFactory(model: new OverloadedScorer());
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/map", Http.Ssn);

        await response.AssertErrorAsync(429, "RATE_LIMITED");
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter!.Delta);
    }
}
