using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Api;

public sealed class IdempotencyTests(SharedApp app) : IClassFixture<SharedApp>
{
    private readonly HttpClient _client = app.Client;

    [Fact]
    public async Task Map_RetriedKeySameBody_ReplaysFirstAnswer()
    {
        var key = ("Idempotency-Key", "retry-" + Guid.NewGuid().ToString("N"));
        using var first = await _client.PostAsync("/map", Http.Ssn, key);
        using var second = await _client.PostAsync("/map", Http.Ssn, key);

        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal(key.Item2, first.Header("Idempotency-Key"));
        Assert.Equal(key.Item2, second.Header("Idempotency-Key"));
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        Assert.Equal(
            await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Map_RetriedKeyDifferentBody_Returns422()
    {
        var key = ("Idempotency-Key", "mismatch-" + Guid.NewGuid().ToString("N"));
        using var first = await _client.PostAsync("/map", Http.Ssn, key);
        using var second = await _client.PostAsync("/map", """{"detector":"presidio","output":"EMAIL_ADDRESS","tenant_id":"t1"}""", key);

        var detail = await second.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.Contains("Idempotency-Key", (string?)detail["message"]);
        Assert.Equal(key.Item2, second.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Map_SameKeyOtherTenant_NotReplayed()
    {
        var key = ("Idempotency-Key", "tenant-" + Guid.NewGuid().ToString("N"));
        using var first = await _client.PostAsync("/map", Http.Ssn, key);
        using var second = await _client.PostAsync("/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t2"}""", key);

        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal("", second.Header("Idempotent-Replayed"));
        Assert.Equal("t2", (string?)(await second.JsonAsync())["provenance"]!["tenant_id"]);
    }
}
