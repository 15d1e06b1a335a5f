namespace Mapper.Console.Runbooks;

/// <summary>An <c>action:</c> link: the action's name, the link's query arguments and the words it was written as.</summary>
public sealed record ActionLink(string Name, IReadOnlyDictionary<string, string> Args, string Text);

/// <summary>A <c>panel:</c> link: the panel's name and the words it was written as.</summary>
public sealed record PanelLink(string Name, string Text);

/// <summary>
/// A run of rendered Markdown (paragraphs, code, tables, plain lists) with the action and panel links it held.
/// <see cref="Html"/> is Markdig's own output of the sanitised tree: raw HTML is text, every link passed the allow-list.
/// </summary>
public record RunbookBlock(string Html, IReadOnlyList<ActionLink> Actions, IReadOnlyList<PanelLink> Panels);

/// <summary>
/// A task-list item: a step that can be checked. <see cref="Id"/> is its section's anchor and its own text,
/// normalised, so a check keeps its step when other parts of the file change.
/// </summary>
public sealed record RunbookStep(string Id, string Text, string Html, IReadOnlyList<ActionLink> Actions, IReadOnlyList<PanelLink> Panels)
    : RunbookBlock(Html, Actions, Panels);

/// <summary>An H2 section and what it holds, in file order.</summary>
public sealed record RunbookSection(string Anchor, string Title, IReadOnlyList<RunbookBlock> Blocks);

/// <summary>One runbook file as the page renders it: title, what comes before the first section, and the sections.</summary>
public sealed record RunbookDocument(string Name, string FileName, string Title, string Summary, IReadOnlyList<RunbookBlock> Intro, IReadOnlyList<RunbookSection> Sections)
{
    public IEnumerable<RunbookStep> Steps => Intro.Concat(Sections.SelectMany(s => s.Blocks)).OfType<RunbookStep>();

    public IEnumerable<ActionLink> Actions => Intro.Concat(Sections.SelectMany(s => s.Blocks)).SelectMany(b => b.Actions);

    public IEnumerable<PanelLink> Panels => Intro.Concat(Sections.SelectMany(s => s.Blocks)).SelectMany(b => b.Panels);

    public RunbookStep? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);
}

/// <summary>A runbook file that could not be (re)loaded, and why; the last good version, if any, is still served.</summary>
public sealed record RunbookProblem(string File, string Message, DateTimeOffset At);

/// <summary>The file is not a runbook the console can show (unreadable, not UTF-8, too large, no title).</summary>
public sealed class RunbookFormatException(string message) : Exception(message);
