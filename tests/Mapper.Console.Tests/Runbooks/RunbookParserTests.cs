using Mapper.Console.Runbooks;

namespace Mapper.Console.Tests.Runbooks;

/// <summary>From a runbook file to what the page renders: title, sections with anchors, steps with stable ids and their links.</summary>
public sealed class RunbookParserTests
{
    private const string Sample = """
        # MapperFallbackHigh

        Fires when fallback stays above 10%. See [kill switch](kill-switch.md).

        ## Investigate

        - [ ] Read the [fallback reasons](panel:fallback-reasons): which reason carries most?

          From a terminal: `curl -s localhost:5080/metrics`.
        - [ ] Check the mode: `mapper runtime show-mode`.

        ## Mitigate

        - [ ] If a threshold change started it, [clear the per-detector threshold](action:clear-threshold?detector=presidio) or
          [restore the controls](action:restore-controls) to a time before it.
        - a plain note, not a step
        - [ ] Confirm recovery on the [gauges](panel:gauges).

        | Reason | Where |
        |---|---|
        | `kill_switch` | mode |
        """;

    [Fact]
    public void Parse_Runbook_GivesTitleSummaryAndSectionsWithAnchors()
    {
        var document = RunbookParser.Parse("mapper-fallback-high", "mapper-fallback-high.md", Sample);

        Assert.Equal("MapperFallbackHigh", document.Title);
        Assert.Equal("Fires when fallback stays above 10%. See kill switch.", document.Summary);
        Assert.Equal([("investigate", "Investigate"), ("mitigate", "Mitigate")], document.Sections.Select(s => (s.Anchor, s.Title)));
        Assert.Contains("href=\"/runbooks/kill-switch\"", Assert.Single(document.Intro).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TaskListItems_AreStepsWithTheirLinksPulledOut()
    {
        var document = RunbookParser.Parse("mapper-fallback-high", "mapper-fallback-high.md", Sample);
        var steps = document.Steps.ToList();

        Assert.Equal(4, steps.Count);
        Assert.Equal("investigate/read-the-fallback-reasons-which-reason-carries-most", steps[0].Id);
        Assert.Equal("Read the fallback reasons: which reason carries most?", steps[0].Text);
        Assert.Equal(new PanelLink("fallback-reasons", "fallback reasons"), Assert.Single(steps[0].Panels));
        Assert.Contains("<strong>fallback reasons</strong>", steps[0].Html, StringComparison.Ordinal);
        Assert.Contains("<code>curl -s localhost:5080/metrics</code>", steps[0].Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<input", steps[0].Html, StringComparison.Ordinal);
        Assert.DoesNotContain("panel:", steps[0].Html, StringComparison.Ordinal);

        var mitigate = steps[2];
        Assert.Equal(["clear-threshold", "restore-controls"], mitigate.Actions.Select(a => a.Name));
        Assert.Equal("presidio", mitigate.Actions[0].Args["detector"]);
        Assert.Equal("clear the per-detector threshold", mitigate.Actions[0].Text);
        Assert.DoesNotContain("action:", mitigate.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlainItemsAndTables_StayMarkdownInFileOrder()
    {
        var blocks = RunbookParser.Parse("x", "x.md", Sample).Sections[1].Blocks;

        Assert.Equal([true, false, true, false], blocks.Select(b => b is RunbookStep));
        Assert.Contains("<li>a plain note, not a step</li>", blocks[1].Html, StringComparison.Ordinal);
        Assert.Contains("<table>", blocks[3].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EditsElsewhereInTheFile_KeepEveryOtherStepId()
    {
        var before = RunbookParser.Parse("x", "x.md", Sample).Steps.ToDictionary(s => s.Text, s => s.Id);
        var edited = Sample
            .Replace("Fires when fallback stays above 10%.", "Fires when fallback stays above 10% for 10 minutes.", StringComparison.Ordinal)
            .Replace("- [ ] Check the mode: `mapper runtime show-mode`.", "- [ ] A new first step.\n- [ ] Check the mode: `mapper runtime show-mode`.", StringComparison.Ordinal)
            .Replace("From a terminal", "Or from a terminal", StringComparison.Ordinal)
            .Replace("| `kill_switch` | mode |", "| `kill_switch` | mode |\n| `no_model` | adapters |", StringComparison.Ordinal);

        var after = RunbookParser.Parse("x", "x.md", edited).Steps.ToDictionary(s => s.Text, s => s.Id);

        Assert.Equal(5, after.Count);
        foreach (var (text, id) in before)
        {
            Assert.Equal(id, after[text]);
        }
    }

    [Fact]
    public void Parse_RepeatedAndLongSteps_GetDistinctIds()
    {
        var longA = "Check " + string.Concat(Enumerable.Repeat("the very long words of this step ", 5)) + "then A";
        var longB = "Check " + string.Concat(Enumerable.Repeat("the very long words of this step ", 5)) + "then B";
        var markdown = $"# T\n\n## Mitigate\n\n- [ ] Same step\n- [ ] Same step\n- [ ] {longA}\n- [ ] {longB}\n";

        var ids = RunbookParser.Parse("x", "x.md", markdown).Steps.Select(s => s.Id).ToList();

        Assert.Equal(["mitigate/same-step", "mitigate/same-step-2"], ids[..2]);
        Assert.NotEqual(ids[2], ids[3]);
        Assert.All(ids, id => Assert.True(id.Length <= "mitigate/".Length + StepIds.MaxSlug, id));
    }

    [Fact]
    public void Parse_NoTitleLine_IsRefusedWithTheReason()
    {
        var refused = Assert.Throws<RunbookFormatException>(() => RunbookParser.Parse("x", "x.md", "Just text.\n\n## Investigate\n"));

        Assert.Contains("# Title", refused.Message, StringComparison.Ordinal);
    }
}
