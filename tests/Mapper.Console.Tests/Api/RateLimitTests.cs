using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Api;

/// <summary>Buckets belong to callers (API key name, client address), count label words, and cannot be minted by the client.</summary>
public sealed class RateLimitTests
{
    /// <summary>Room for two mappings of US_SSN (two label words each: us, ssn) per caller, and next to no refill.</summary>
    private static readonly Dictionary<string, string?> TwoPerCaller = new()
    {
        ["Api:RateLimitPerSecond"] = "0.01",
        ["Api:RateLimitBurst"] = "4",
    };

    [Fact]
    public async Task Map_CallerOverBurst_Returns429WithHeaders()
    {
        await using var factory = new MapperFactory(TwoPerCaller);
        using var client = factory.CreateClient();

        using var first = await client.PostAsync("/map", Http.Ssn);
        using var second = await client.PostAsync("/map", """{"detector":"presidio","output":"EMAIL_ADDRESS","tenant_id":"t2"}""");
        using var third = await client.PostAsync("/map", Http.Ssn);

        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal("4", first.Header("RateLimit-Limit"));
        Assert.Equal("2", first.Header("RateLimit-Remaining"));
        var detail = await third.AssertErrorAsync(429, "RATE_LIMITED");
        Assert.True((bool)detail["retryable"]!);
        Assert.True(third.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("4", third.Header("RateLimit-Limit"));
        Assert.Equal("0", third.Header("RateLimit-Remaining"));
        Assert.NotEqual("", third.Header("RateLimit-Reset"));
    }

    [Fact]
    public async Task Map_RotatedTenantIds_ShareOneBucket()
    {
        await using var factory = new MapperFactory(TwoPerCaller);

        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            var response = await factory.PostAsync("203.0.113.7", "/map", $$"""{"detector":"presidio","output":"US_SSN","tenant_id":"rotated-{{i}}"}""");
            statuses.Add(response.Response.StatusCode);
        }

        Assert.Equal([200, 200, 429, 429, 429, 429], statuses);
    }

    [Fact]
    public async Task Map_OtherAddress_HasItsOwnBucket()
    {
        await using var factory = new MapperFactory(TwoPerCaller);

        await factory.PostAsync("203.0.113.7", "/map", Http.Ssn);
        await factory.PostAsync("203.0.113.7", "/map", Http.Ssn);
        var refused = await factory.PostAsync("203.0.113.7", "/map", Http.Ssn);
        var other = await factory.PostAsync("203.0.113.8", "/map", Http.Ssn);

        Assert.Equal(429, refused.Response.StatusCode);
        Assert.Equal(200, other.Response.StatusCode);
    }

    [Fact]
    public async Task Map_Ipv6SameSlash64_SharesOneBucket()
    {
        await using var factory = new MapperFactory(TwoPerCaller);

        await factory.PostAsync("2001:db8:1:2::1", "/map", Http.Ssn);
        await factory.PostAsync("2001:db8:1:2::2", "/map", Http.Ssn);
        var sameBlock = await factory.PostAsync("2001:db8:1:2:ffff::3", "/map", Http.Ssn);
        var otherBlock = await factory.PostAsync("2001:db8:1:3::1", "/map", Http.Ssn);

        Assert.Equal(429, sameBlock.Response.StatusCode);
        Assert.Equal(200, otherBlock.Response.StatusCode);
    }

    [Fact]
    public async Task Map_ForwardedForFromUntrustedPeer_IsIgnored()
    {
        await using var factory = new MapperFactory(new Dictionary<string, string?>(TwoPerCaller) { ["Api:TrustedProxies:0"] = "10.0.0.0/8" });

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var response = await factory.PostAsync("203.0.113.7", "/map", Http.Ssn, ("X-Forwarded-For", $"198.51.100.{i}"));
            statuses.Add(response.Response.StatusCode);
        }

        Assert.Equal([200, 200, 429, 429], statuses);
    }

    [Fact]
    public async Task Map_ForwardedForFromTrustedProxy_LimitsTheClientItNames()
    {
        await using var factory = new MapperFactory(new Dictionary<string, string?>(TwoPerCaller) { ["Api:TrustedProxies:0"] = "10.0.0.0/8" });

        // The client may prepend anything to the header; the proxy appends the address it saw, and that one counts.
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var response = await factory.PostAsync("10.1.2.3", "/map", Http.Ssn, ("X-Forwarded-For", $"198.51.100.{i}, 203.0.113.7"));
            statuses.Add(response.Response.StatusCode);
        }

        var otherClient = await factory.PostAsync("10.1.2.3", "/map", Http.Ssn, ("X-Forwarded-For", "203.0.113.8"));

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal(200, otherClient.Response.StatusCode);
    }

    [Fact]
    public async Task Map_ApiKey_BucketFollowsTheKeyAcrossAddresses()
    {
        await using var factory = new MapperFactory(new Dictionary<string, string?>(TwoPerCaller)
        {
            ["Api:RequireApiKey"] = "true",
            ["Api:ApiKeys:0:Name"] = "first",
            ["Api:ApiKeys:0:Key"] = "first-key-0123456789",
            ["Api:ApiKeys:0:Scopes:0"] = "map:write",
            ["Api:ApiKeys:1:Name"] = "second",
            ["Api:ApiKeys:1:Key"] = "second-key-0123456789",
            ["Api:ApiKeys:1:Scopes:0"] = "map:write",
        });

        await factory.PostAsync("203.0.113.1", "/map", Http.Ssn, ("X-API-Key", "first-key-0123456789"));
        await factory.PostAsync("203.0.113.2", "/map", Http.Ssn, ("X-API-Key", "first-key-0123456789"));
        var sameKeyNewAddress = await factory.PostAsync("203.0.113.3", "/map", Http.Ssn, ("X-API-Key", "first-key-0123456789"));
        var otherKey = await factory.PostAsync("203.0.113.4", "/map", Http.Ssn, ("X-API-Key", "second-key-0123456789"));

        Assert.Equal(429, sameKeyNewAddress.Response.StatusCode);
        Assert.Equal(200, otherKey.Response.StatusCode);
    }

    [Fact]
    public async Task MapBatch_CountsLabelWords_NotItems()
    {
        await using var factory = new MapperFactory(new Dictionary<string, string?>
        {
            ["Api:RateLimitPerSecond"] = "0.01",
            ["Api:RateLimitBurst"] = "20",
        });
        using var client = factory.CreateClient();

        // us ssn | email address | hate  +  toxic  =  6 words in 2 items.
        using var response = await client.PostAsync("/map/batch", """
            {"requests":[{"detector":"presidio","output":"US_SSN|EMAIL_ADDRESS|hate","tenant_id":"t1"},
                         {"detector":"presidio","output":"toxic","tenant_id":"t1"}]}
            """);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("14", response.Header("RateLimit-Remaining"));
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
