using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support.Pages;

/// <summary><c>/playground</c>: one ad hoc run through the production pipeline, its answer, and the saved regression cases.</summary>
public sealed class PlaygroundPage(IPage page) : Shell(page)
{
    public const string Path = "/playground";

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Name = "Playground", Exact = true });

    public ILocator Detector => Fields.Input(Page, "playground-detector");

    public ILocator Output => Fields.Input(Page, "playground-output");

    public ILocator Run => Page.GetByTestId("playground-run");

    public ILocator Problem => Page.GetByTestId("playground-problem");

    public ILocator Answer => Page.GetByTestId("playground-answer");

    /// <summary>"model · answered by X" or "rules · fallback: reason · answered by rules".</summary>
    public ILocator AnswerPath => Page.GetByTestId("playground-path");

    public ILocator Labels => Page.GetByTestId("playground-labels");

    /// <summary>"... · not counted in the SLIs · audit row N".</summary>
    public ILocator Overrides => Page.GetByTestId("playground-overrides");

    public async Task<PlaygroundPage> GotoAsync()
    {
        await Page.GotoAsync(Path);
        await Assertions.Expect(Heading).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Fills detector and output, runs, and waits for the answer panel.</summary>
    public async Task RunAsync(string detector, string output)
    {
        await Detector.FillAsync(detector);
        await Output.FillAsync(output);
        await Assertions.Expect(Run).ToBeEnabledAsync();
        await Run.ClickAsync();
        await Assertions.Expect(Answer).ToBeVisibleAsync();
    }
}
