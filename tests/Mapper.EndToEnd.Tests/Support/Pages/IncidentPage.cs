using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support.Pages;

/// <summary><c>/incidents/ID</c>: header, actions (status, export), the note form and the timeline by occurred-at.</summary>
public sealed class IncidentPage(IPage page) : Shell(page)
{
    public ILocator Title => Page.GetByTestId("incident-title");

    public ILocator Status => Page.GetByTestId("incident-status");

    public ILocator Summary => Page.GetByTestId("incident-summary");

    public ILocator NoteText => Fields.Input(Page, "note-text");

    /// <summary>"Occurred at (your time zone; empty = now)": <c>14:05</c>, <c>2026-12-01 14:05:30</c> or ISO-8601.</summary>
    public ILocator NoteOccurred => Fields.Input(Page, "note-occurred");

    public ILocator NoteSave => Page.GetByTestId("note-save");

    public ILocator NoteProblem => Page.GetByTestId("note-problem");

    public ILocator Resolve => Page.GetByTestId("status-resolved");

    public ILocator Export => Page.GetByTestId("export");

    /// <summary>The timeline's rows (<c>data-kind</c>: alert, incident, action, runbook, drill, note, ...).</summary>
    public ILocator Events => Page.GetByTestId("event");

    public async Task<IncidentPage> GotoAsync(long id)
    {
        await Page.GotoAsync("/incidents/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(Title).ToContainTextAsync($"#{id} ");
        return this;
    }

    /// <summary>Adds a note that happened at <paramref name="occurredAt"/> (typed as the browser's zone, UTC here, shows it).</summary>
    public async Task AddNoteAsync(string text, DateTimeOffset occurredAt)
    {
        await NoteText.FillAsync(text);
        await NoteOccurred.FillAsync(occurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(NoteSave).ToBeEnabledAsync();
        await NoteSave.ClickAsync();
        await Assertions.Expect(Events.Filter(new() { HasText = text })).ToHaveCountAsync(1);
    }

    /// <summary>Resolves through the status button and the confirm dialog; the reason is the resolution.</summary>
    public async Task ResolveAsync(string reason)
    {
        await Resolve.ClickAsync();
        await ConfirmDialog.ApplyAsync(reason);
        await Assertions.Expect(Status).ToHaveTextAsync("resolved");
    }

    /// <summary>Clicks "Export post-mortem" and reads the Markdown file the browser downloads.</summary>
    public async Task<(string FileName, string Markdown)> ExportAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Export.ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path));
    }
}
