using System.Text.Json;
using Mapper.Cli.Commands;

namespace Mapper.Cli.Tests;

/// <summary>
/// The suite's fuzz test: a few thousand seeded hostile and mutated bodies against the console in-process (real
/// Kestrel, the real model path). No body may get a 5xx, and the console must be well afterwards.
/// </summary>
public sealed class BenchFuzzCommandTests
{
    [Fact]
    public async Task Run_ThreeThousandBodies_NoFiveHundredsAndHealthyAfter()
    {
        using var workspace = new CliWorkspace();

        var run = await workspace.RunAsync("bench", "fuzz", "--bodies", "3000", "--seed", "20251201", "--format", "json");

        using var report = JsonDocument.Parse(run.Out);
        var root = report.RootElement;
        var statuses = root.GetProperty("run").GetProperty("statuses").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(0, root.GetProperty("run").GetProperty("five_xx").GetInt64());
        Assert.DoesNotContain(statuses.Keys, s => s.StartsWith('5'));
        Assert.Equal(3000, statuses.Values.Sum());
        Assert.True(root.GetProperty("health").GetProperty("healthy").GetBoolean());
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.True(run.ExitCode == 0, run.Err);

        // The bodies reach every refusal, and some get through: a fuzz that only ever hits one wall proves little.
        foreach (var status in new[] { "200", "400", "415", "422" })
        {
            Assert.True(statuses.GetValueOrDefault(status) > 0, $"no {status} among {string.Join(", ", statuses)}");
        }
    }

    [Fact]
    public void FuzzBodies_SameSeed_SameCases()
    {
        var first = new FuzzBodies(5);
        var second = new FuzzBodies(5);
        var other = new FuzzBodies(6);

        var a = Enumerable.Range(0, 300).Select(_ => first.Next()).ToList();
        var b = Enumerable.Range(0, 300).Select(_ => second.Next()).ToList();
        var c = Enumerable.Range(0, 300).Select(_ => other.Next()).ToList();

        Assert.True(a.Zip(b).All(p => p.First.Path == p.Second.Path && p.First.ContentType == p.Second.ContentType && p.First.Body.AsSpan().SequenceEqual(p.Second.Body)));
        Assert.False(a.Zip(c).All(p => p.First.Body.AsSpan().SequenceEqual(p.Second.Body)));
    }

    [Fact]
    public void FuzzBodies_ThreeThousandCases_CoverEveryKindOfHostility()
    {
        var bodies = new FuzzBodies(1);

        var kinds = Enumerable.Range(0, 3000).Select(_ => bodies.Next().Kind).ToHashSet();

        Assert.Superset(
            new HashSet<string> { "valid", "bytes", "values", "deep", "oversize", "labels", "items", "raw_content", "roots", "keys", "long_key", "random_bytes", "bom", "numbers", "truncated" },
            kinds);
    }
}
