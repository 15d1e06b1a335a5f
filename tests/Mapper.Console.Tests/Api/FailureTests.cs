using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Api;

public sealed class FailureTests
{
    [Fact]
    public async Task Map_UnexpectedFailure_Returns500WithoutStackTrace()
    {
        await using var factory = new MapperFactory(model: new BrokenScorer());
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/map", Http.Ssn, ("X-Request-ID", "boom-1"));

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var detail = await response.AssertErrorAsync(500, "INTERNAL_ERROR");
        Assert.Equal("boom-1", response.Header("X-Request-ID"));
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain(".cs", text);

        var summary = await (await client.GetAsync("/metrics/summary", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal(1, (int)summary["slis"]!["http5xx"]!);
        Assert.Equal(100, (double)summary["slis"]!["http5xx_percentage"]!);
        Assert.Equal(1, (double)summary["counters"]!["errors"]!["INTERNAL_ERROR"]!);
        Assert.Equal("boom-1", (string?)detail["request_id"]);
    }
}
