using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Tests.Support;
using Mapper.Engine.Data;
using Mapper.Engine.Quality;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Admin;

public sealed class RegressionCasesEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_NothingSaved_NotFoundSayingHowToSaveOne()
    {
        await using var factory = new MapperFactory();
        using var viewer = await factory.ClientAsAsync(ConsoleRole.Viewer);

        using var response = await viewer.GetAsync("/api/v1/regression-cases/export", Ct);

        var detail = await response.AssertErrorAsync(404, "NOT_FOUND");
        Assert.Contains("save one from a playground run", (string?)detail["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_AsViewer_AGoldenCaseFileTheQualityLoaderReads()
    {
        await using var factory = new MapperFactory();
        foreach (var (output, label) in new[] { ("US_SSN", "PII.Identifier.SSN"), ("EMAIL_ADDRESS|PHONE_NUMBER", "PII.Contact.Email|PII.Contact.Phone") })
        {
            var saved = await factory.Executor().RunAsync(Actor.System, new SaveRegressionCase("presidio", output, label.Split('|'), "from a test"), Ct);
            Assert.True(saved.Succeeded, saved.Message);
        }

        using var viewer = await factory.ClientAsAsync(ConsoleRole.Viewer);
        using var anonymous = factory.CreateClient();

        using var response = await viewer.GetAsync("/api/v1/regression-cases/export", Ct);
        using var refused = await anonymous.GetAsync("/api/v1/regression-cases/export", Ct);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("mapper-regression-cases.json", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var taxonomy = factory.Services.GetRequiredService<EngineDataProvider>().Current.Data.Taxonomy;
        var file = GoldenCaseLoader.Parse(await response.Content.ReadAsStringAsync(Ct), "export", taxonomy);
        Assert.Equal("1.0", file.Version);
        Assert.Equal(2, file.Cases.Count);
        Assert.Equal(["PII.Contact.Email", "PII.Contact.Phone"], file.Cases[1].ExpectedTaxonomy);
        Assert.Equal(("PII", "regression case 2: from a test"), (file.Cases[1].Category, file.Cases[1].Description));
        Assert.Equal(401, (int)refused.StatusCode);
    }
}
