using Bunit;
using Mapper.Console.Actions;
using Mapper.Console.Components.Pages;
using Mapper.Console.Components.Shared;
using Mapper.Console.Identity;
using Mapper.Console.Runbooks;
using Mapper.Engine.Controls;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Components;

/// <summary>The runbook pages' other states: a change made meanwhile (stale), a file edited or broken while open, the list.</summary>
public sealed class RunbookPageStateTests : IAsyncLifetime
{
    private const string Thresholds = """
        # Confidence thresholds

        ## Mitigate

        - [ ] [Set the global threshold](action:set-threshold?value=0.7) when every detector needs it.
        """;

    private static readonly ConsoleUser Otto = new("otto", ConsoleRole.Operator);
    private RunbookPageContext _page = null!;

    public async ValueTask InitializeAsync() =>
        _page = await RunbookPageContext.StartAsync(new Dictionary<string, string> { ["thresholds.md"] = Thresholds, ["README.md"] = "# Runbooks\n\nStart from the alert's runbook.\n" });

    public ValueTask DisposeAsync() => _page.DisposeAsync();

    private RunbookLibrary Library => _page.Factory.Services.GetRequiredService<RunbookLibrary>();

    [Fact]
    public async Task ActionButton_ChangedByOthersWhileTheDialogWasOpen_ShowsStaleAndAppliesNothing()
    {
        var cut = _page.Render("thresholds", Otto);
        cut.Find("[data-testid=action-set-threshold] [data-testid=action-button]").Click();
        _page.Dialogs.WaitForAssertion(() => Assert.NotNull(_page.Dialogs.Find("[data-testid=confirm-changes]")));

        var meanwhile = await _page.Executor.RunAsync(new Actor("admin", Door.Api), new SetThreshold(null, 0.65) { Reason = "someone else" }, Xunit.TestContext.Current.CancellationToken);
        Assert.True(meanwhile.Succeeded, meanwhile.Message);
        _page.Dialogs.Find("textarea").Input("raise it");
        _page.Dialogs.Find("[data-testid=confirm-apply]").Click();

        cut.WaitForAssertion(() => Assert.Contains("changed by admin", cut.Find("[data-testid=stale-message]").TextContent, StringComparison.Ordinal));
        Assert.Contains("global threshold 0.65", cut.Find("[data-testid=stale-message]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0.65, _page.Factory.Services.GetRequiredService<RuntimeControlsStore>().Current.GlobalThreshold);
    }

    [Fact]
    public async Task Render_FileEditedWhileOpen_ShowsTheNewVersionOnTheNextSample()
    {
        var cut = _page.Render("thresholds", Otto);
        await File.WriteAllTextAsync(Path.Combine(_page.Directory, "thresholds.md"), Thresholds.Replace("# Confidence thresholds", "# Thresholds, edited", StringComparison.Ordinal) + "\n- [ ] A new step.\n", Xunit.TestContext.Current.CancellationToken);
        Library.Reload();

        cut.Render();

        Assert.Equal("Thresholds, edited", cut.Find("h1").TextContent);
        Assert.Equal(2, cut.FindAll("[data-testid=runbook-step]").Count);
    }

    [Fact]
    public async Task Render_FileBrokenWhileOpen_KeepsTheLastGoodVersionAndSaysWhy()
    {
        var cut = _page.Render("thresholds", Otto);
        await File.WriteAllTextAsync(Path.Combine(_page.Directory, "thresholds.md"), "lost its title\n", Xunit.TestContext.Current.CancellationToken);
        Library.Reload();

        cut.Render();

        Assert.Equal("Confidence thresholds", cut.Find("h1").TextContent);
        Assert.Contains("thresholds.md cannot be loaded", cut.Find("[data-testid=runbook-problem]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_ListsRunbooksTheReadmeAndBrokenFiles()
    {
        await File.WriteAllTextAsync(Path.Combine(_page.Directory, "escalation.md"), "no title\n", Xunit.TestContext.Current.CancellationToken);
        Library.Reload();

        var cut = _page.Bunit.Render<RunbookIndex>(p => p.AddCascadingValue(_page.Sample()).AddCascadingValue(Otto).AddCascadingValue(BrowserZone.Utc));

        Assert.Equal("/runbooks/thresholds", cut.Find("[data-testid=runbook-thresholds] a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=runbook-README]"));
        Assert.Contains("Start from the alert's runbook.", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("escalation.md cannot be loaded", cut.Find("[data-testid=runbook-problem]").TextContent, StringComparison.Ordinal);
    }
}
