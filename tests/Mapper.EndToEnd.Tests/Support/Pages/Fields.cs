using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support.Pages;

/// <summary>Form fields by test id: MudBlazor puts a field's attributes on its input or on the wrapper, depending on the component.</summary>
public static class Fields
{
    /// <summary>The text box itself (input or textarea), whether <paramref name="testId"/> sits on it or around it.</summary>
    public static ILocator Input(IPage page, string testId) => page.Locator(
        $"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] textarea, [data-testid={testId}] input").First;

    /// <summary>
    /// The title a control shows on hover: its own, else the nearest element around it that has one (a disabled
    /// button gets no mouse events, so the pages put the reason on a span around it).
    /// </summary>
    public static Task<string?> TitleAsync(ILocator control) => control.EvaluateAsync<string?>(
        "e => { for (let n = e; n; n = n.parentElement) { if (n.title) { return n.title; } } return null; }");
}
