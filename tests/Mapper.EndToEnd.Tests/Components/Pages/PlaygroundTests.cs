using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mapper.EndToEnd.Tests.Support;
using Mapper.EndToEnd.Tests.Support.Pages;
using static Microsoft.Playwright.Assertions;

namespace Mapper.EndToEnd.Tests.Components.Pages;

/// <summary>The playground runs the production pipeline without counting: alone, so no other test's traffic moves the counts it reads.</summary>
[Collection(SerialCollection.Name)]
public sealed partial class PlaygroundTests(ConsoleFixture console) : BrowserTest(console)
{
    [Fact]
    public async Task Playground_Run_AnswersWithoutCountingAndAuditsMetadataOnly()
    {
        const string Output = "US_SSN";
        var session = await OpenSignedInAsync(Console.Operator);
        var playground = await new PlaygroundPage(session.Page).GotoAsync();
        await session.WaitForCircuitAsync();
        var before = await Console.Api.MetricsSummaryAsync(Cancellation);
        var decisionsBefore = (await Console.Api.RecentDecisionsAsync(Cancellation)).Count;

        await playground.RunAsync("presidio", Output);

        await Expect(playground.AnswerPath).ToContainTextAsync(new Regex("^model · answered by "));
        await Expect(playground.Labels).ToContainTextAsync("PII.Identifier.SSN");
        await Expect(playground.Overrides).ToContainTextAsync("not counted in the SLIs");
        var auditId = long.Parse(AuditRowId().Match(await playground.Overrides.InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);

        var after = await Console.Api.MetricsSummaryAsync(Cancellation);
        Assert.Equal(RequestsCounted(before), RequestsCounted(after));

        // The SLI count is over a sliding five minutes: it may only lose old requests, never gain this run.
        Assert.True((long)after["slis"]!["requests"]! <= (long)before["slis"]!["requests"]!, $"slis.requests went from {before["slis"]!["requests"]} to {after["slis"]!["requests"]}");
        Assert.Equal(decisionsBefore, (await Console.Api.RecentDecisionsAsync(Cancellation)).Count);

        var row = (await Console.Api.AuditAsync($"action=playground.run&actor={Console.Operator.Name}", Cancellation)).Single(r => (long)r!["id"]! == auditId)!;
        Assert.Equal("page", (string?)row["door"]);
        Assert.Equal("applied", (string?)row["result"]);
        Assert.Equal("playground:presidio", (string?)row["target"]);
        Assert.Contains("PII.Identifier.SSN", (string?)row["new_value"], StringComparison.Ordinal);
        Assert.DoesNotContain(Output, row.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        var audit = new AuditPage(session.Page);
        await audit.NavigateAsync("Audit log", AuditPage.Path);
        var shown = audit.Row(auditId);
        await Expect(shown.Action).ToHaveTextAsync("playground.run");
        await Expect(shown.Actor).ToHaveTextAsync(Console.Operator.Name);
        await Expect(shown.Root).Not.ToContainTextAsync(Output);
    }

    /// <summary>Every mapped item since start (<c>counters.requests</c>, success and error): it only grows.</summary>
    private static long RequestsCounted(JsonNode summary) =>
        summary["counters"]!["requests"]!.AsObject().Sum(p => (long)p.Value!);

    [GeneratedRegex(@"audit row (\d+)")]
    private static partial Regex AuditRowId();
}
