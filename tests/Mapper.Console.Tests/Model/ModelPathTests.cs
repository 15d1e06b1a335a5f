using System.Text.Json.Nodes;
using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Model;

/// <summary>The real model path in the console: a fresh data directory trains the bundled baseline at start.</summary>
public sealed class ModelPathTests
{
    [Fact]
    public async Task Start_FreshDataDirectory_TrainsBaselineThenAnswersFromModel()
    {
        await using var factory = new MapperFactory(new Dictionary<string, string?> { ["Model:Enabled"] = "true" });
        using var client = factory.CreateClient();

        var health = await WaitForModelAsync(client);
        Assert.Equal("ready", (string?)health["status"]);
        Assert.Equal("mapper-baseline@1.0.0", (string?)health["model"]!["active_model"]);
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "adapters", "mapper-baseline", "1.0.0", "model.onnx")));

        using var response = await client.PostAsync("/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t1"}""");
        var answer = await response.JsonAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("model", (string?)answer["provenance"]!["route"]);
        Assert.Equal("mapper-baseline@1.0.0", (string?)answer["version_info"]!["model"]);
        Assert.Equal("PII.Identifier.SSN", (string?)answer["taxonomy"]![0]);
        Assert.Contains("mapper_service_info{version=", await factory.ScrapeAsync(), StringComparison.Ordinal);
        Assert.Contains("model=\"mapper-baseline@1.0.0\"", await factory.ScrapeAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_SameLabelTwice_SecondAnswerComesFromTheAdaptersCacheAndTheMetricCountsIt()
    {
        await using var factory = new MapperFactory(SmallModel.Settings());
        using var client = factory.CreateClient();
        await WaitForModelAsync(client);
        const string body = """{"detector":"presidio","output":"PHONE_NUMBER","tenant_id":"t1"}""";
        var before = await factory.ScrapeAsync();

        using var first = await client.PostAsync("/map", body);
        using var second = await client.PostAsync("/map", body);

        var after = await factory.ScrapeAsync();
        var (firstAnswer, secondAnswer) = (await first.JsonAsync(), await second.JsonAsync());
        Assert.Equal(firstAnswer["taxonomy"]!.ToJsonString(), secondAnswer["taxonomy"]!.ToJsonString());
        Assert.Equal((double?)firstAnswer["confidence"], (double?)secondAnswer["confidence"]);
        Assert.Equal(1, Lookups(after, "hit") - Lookups(before, "hit"));
        Assert.Equal(1, Lookups(after, "miss") - Lookups(before, "miss"));
    }

    private static double Lookups(string metrics, string result)
    {
        var prefix = $"mapper_model_cache_lookups_total{{result=\"{result}\"}} ";
        var line = metrics.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return double.Parse(line[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Restart_LiveAdaptersManifestCorrupt_StartsOnTheRulesNamesTheFileAndRecoversByItself()
    {
        var kept = Directory.CreateTempSubdirectory("mapper-corrupt-manifest-").FullName;
        var manifest = Path.Combine(kept, "adapters", "mapper-baseline", "1.0.0", "manifest.json");
        await using (var first = new MapperFactory(SmallModel.Settings(kept)))
        {
            using var client = first.CreateClient();
            await WaitForModelAsync(client);
        }

        await File.WriteAllTextAsync(manifest, "{\"id\": \"mapper-basel", TestContext.Current.CancellationToken);
        try
        {
            await using var second = new MapperFactory(SmallModel.Settings(kept));
            using var client = second.CreateClient();
            using var meanwhile = await client.PostAsync("/map", """{"detector":"presidio","output":"US_SSN","tenant_id":"t1"}""");
            Assert.Equal(200, (int)meanwhile.StatusCode);

            var health = await WaitForModelAsync(client);

            Assert.Equal("mapper-baseline@1.0.1", (string?)health["model"]!["active_model"]);
            Assert.Equal(2, (int)health["model"]!["revision"]!);
            var refused = Assert.Single(health["model"]!["refused_at_start"]!.AsArray());
            Assert.Contains(manifest, (string?)refused, StringComparison.Ordinal);
            Assert.Contains("not valid JSON", (string?)refused, StringComparison.Ordinal);
            using var admin = await second.ClientAsAsync(Mapper.Console.Identity.ConsoleRole.Admin);
            var history = (await admin.GetJsonAsync("/api/v1/adapters"))["history"]!.AsArray();
            Assert.Equal("recovery", (string?)history[^1]!["kind"]);
            Assert.Contains(manifest, (string?)history[^1]!["reason"], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(kept, recursive: true);
        }
    }

    private static async Task<JsonNode> WaitForModelAsync(HttpClient client)
    {
        // Training the baseline takes seconds on two cores; poll /health until the adapter is active.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var health = await (await client.GetAsync("/health", TestContext.Current.CancellationToken)).JsonAsync();
            var state = (string?)health["model"]!["state"];
            if (state == "active" || DateTime.UtcNow > deadline)
            {
                Assert.Equal("active", state);
                return health;
            }

            Assert.NotEqual("failed", state);
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
