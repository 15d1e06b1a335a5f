using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Api;

public sealed class AuthTests : IAsyncLifetime
{
    private const string WriterKey = "writer-key-0123456789";
    private const string ReaderKey = "reader-key-0123456789";
    private const string TenantKey = "tenant-key-0123456789";

    private readonly MapperFactory _factory = new(new Dictionary<string, string?>
    {
        ["Api:RequireApiKey"] = "true",
        ["Api:ApiKeys:0:Name"] = "writer",
        ["Api:ApiKeys:0:Key"] = WriterKey,
        ["Api:ApiKeys:0:Scopes:0"] = "map:write",
        ["Api:ApiKeys:1:Name"] = "reader",
        ["Api:ApiKeys:1:Key"] = ReaderKey,
        ["Api:ApiKeys:1:Scopes:0"] = "map:read",
        ["Api:ApiKeys:2:Name"] = "t9 only",
        ["Api:ApiKeys:2:Key"] = TenantKey,
        ["Api:ApiKeys:2:Scopes:0"] = "map:write",
        ["Api:ApiKeys:2:Tenants:0"] = "t9",
    });

    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Map_NoKey_Returns401()
    {
        using var response = await _client.PostAsync("/map", Http.Ssn);

        await response.AssertErrorAsync(401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Map_UnknownKey_Returns401()
    {
        using var response = await _client.PostAsync("/map", Http.Ssn, ("X-API-Key", "not-a-key-at-all-000"));

        await response.AssertErrorAsync(401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Map_KeyWithoutScope_Returns403()
    {
        using var response = await _client.PostAsync("/map", Http.Ssn, ("X-API-Key", ReaderKey));

        var detail = await response.AssertErrorAsync(403, "INSUFFICIENT_RBAC");
        Assert.Contains("map:write", (string?)detail["message"]);
    }

    [Fact]
    public async Task Map_TenantHeaderDiffersFromBody_Returns403()
    {
        using var response = await _client.PostAsync("/map", Http.Ssn, ("X-API-Key", WriterKey), ("X-Tenant-ID", "someone-else"));

        var detail = await response.AssertErrorAsync(403, "INSUFFICIENT_RBAC");
        Assert.Contains("X-Tenant-ID", (string?)detail["message"]);
    }

    [Fact]
    public async Task Map_KeyLimitedToOtherTenant_Returns403()
    {
        using var response = await _client.PostAsync("/map", Http.Ssn, ("X-API-Key", TenantKey));

        await response.AssertErrorAsync(403, "INSUFFICIENT_RBAC");
    }

    [Fact]
    public async Task Map_GoodKeyAndTenant_Returns200()
    {
        using var response = await _client.PostAsync("/map", Http.Ssn, ("X-API-Key", WriterKey), ("X-Tenant-ID", "t1"));

        Assert.Equal(200, (int)response.StatusCode);
    }
}
