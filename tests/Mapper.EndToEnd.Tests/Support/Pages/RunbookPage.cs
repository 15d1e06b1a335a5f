using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support.Pages;

/// <summary><c>/runbooks/NAME</c>: the rendered runbook, its run (tied to the open incident, if any), checkable steps and action buttons.</summary>
public sealed class RunbookPage(IPage page) : Shell(page)
{
    /// <summary>The runbook's title (its first heading).</summary>
    public ILocator Heading => Page.Locator("[data-testid=runbook] h1");

    /// <summary>"Run #N, started by X at T (checks recorded on incident #N: title) · K of M steps checked", or "No run ... yet".</summary>
    public ILocator RunInfo => Page.GetByTestId("run-info");

    /// <summary>The step whose text holds <paramref name="text"/>.</summary>
    public RunbookStepRow Step(string text) => new(Page.GetByTestId("runbook-step").Filter(new() { HasText = text }));

    /// <summary>The first <c>action:NAME</c> button of the runbook, with its fields and its "why not".</summary>
    public RunbookAction Action(string name) => new(Page.GetByTestId("action-" + name).First, Page);

    /// <summary>Runs the action through its button and the confirm dialog, with <paramref name="reason"/>.</summary>
    public async Task RunActionAsync(string name, string reason)
    {
        var action = Action(name);
        await Assertions.Expect(action.Button).ToBeEnabledAsync();
        await action.Button.ClickAsync();
        await ConfirmDialog.ApplyAsync(reason);
    }
}

/// <summary>One checkable step: its box and "Checked by X at T: schema-valid ... · 5xx ...".</summary>
public sealed class RunbookStepRow(ILocator step)
{
    public ILocator Root => step;

    public ILocator Box => step.Locator("[data-testid=step-check] input[type=checkbox], input[data-testid=step-check]").First;

    public ILocator CheckedBy => step.GetByTestId("step-checked-by");

    /// <summary>Ticks the box and waits until the step says who checked it.</summary>
    public async Task CheckAsync(string who)
    {
        await Assertions.Expect(Box).ToBeEnabledAsync();
        await Box.CheckAsync();
        await Assertions.Expect(CheckedBy).ToContainTextAsync($"Checked by {who}");
    }
}

/// <summary>An action button with its fields (MudSelects by <c>field-KEY</c>) and the line that says why it cannot run.</summary>
public sealed class RunbookAction(ILocator action, IPage page)
{
    public ILocator Root => action;

    public ILocator Button => action.GetByTestId("action-button");

    public ILocator Why => action.GetByTestId("action-why");

    /// <summary>Picks <paramref name="choice"/> (its visible text starts with it) in the select <c>field-KEY</c>.</summary>
    public async Task ChooseAsync(string key, string choice)
    {
        await action.GetByTestId("field-" + key).ClickAsync();
        var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*" + System.Text.RegularExpressions.Regex.Escape(choice)) });
        await option.First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
