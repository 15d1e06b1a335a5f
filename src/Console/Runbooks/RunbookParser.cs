using Markdig.Extensions.TaskLists;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Mapper.Console.Runbooks;

/// <summary>
/// Turns one runbook file into the model the page renders: the H1 is the title, H2s open sections (with
/// Markdig's anchors), a task-list item is a step, and everything else is Markdig's HTML, in file order.
/// </summary>
public static class RunbookParser
{
    public const string IntroAnchor = "intro";

    /// <exception cref="RunbookFormatException">The file has no <c># Title</c> line first.</exception>
    public static RunbookDocument Parse(string name, string fileName, string markdown)
    {
        var document = RunbookMarkdown.Parse(markdown);
        if (document.FirstOrDefault(b => b is not LinkReferenceDefinitionGroup) is not HeadingBlock { Level: 1 } title)
        {
            throw new RunbookFormatException("it does not start with a '# Title' line");
        }

        var ids = new StepIds();
        var intro = new Builder(name, IntroAnchor, ids);
        var sections = new List<(HeadingBlock Heading, Builder Blocks)>();
        var current = intro;
        foreach (var block in document.ToList())
        {
            if (block == title || block is LinkReferenceDefinitionGroup)
            {
                continue;
            }

            if (block is HeadingBlock { Level: 2 } heading)
            {
                current = new Builder(name, heading.GetAttributes().Id ?? StepIds.Slug(RunbookMarkdown.PlainText(heading.Inline)), ids);
                sections.Add((heading, current));
                continue;
            }

            current.Add(block);
        }

        var summary = document.OfType<ParagraphBlock>().FirstOrDefault() is { } first ? RunbookMarkdown.PlainText(first.Inline) : "";
        return new RunbookDocument(
            name,
            fileName,
            RunbookMarkdown.PlainText(title.Inline),
            summary,
            intro.Build(),
            [.. sections.Select(s => new RunbookSection(s.Blocks.Anchor, RunbookMarkdown.PlainText(s.Heading.Inline), s.Blocks.Build()))]);
    }

    /// <summary>Whether a list item starts with a task-list marker (<c>- [ ]</c>).</summary>
    private static TaskList? Marker(ListItemBlock item) =>
        item.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: TaskList marker } ? marker : null;

    /// <summary>Collects one section's blocks: runs of plain Markdown, and steps.</summary>
    private sealed class Builder(string runbook, string anchor, StepIds ids)
    {
        private readonly List<RunbookBlock> _blocks = [];
        private readonly List<Block> _pending = [];

        public string Anchor => anchor;

        public void Add(Block block)
        {
            if (block is not ListBlock list || !list.OfType<ListItemBlock>().Any(i => Marker(i) is not null))
            {
                _pending.Add(block);
                return;
            }

            // A list with steps: each task item is a step; plain items between them stay a list of their own.
            ListBlock? plain = null;
            foreach (var item in list.OfType<ListItemBlock>().ToList())
            {
                if (Marker(item) is { } marker)
                {
                    plain = null;
                    Flush();
                    _blocks.Add(Step(item, marker));
                    continue;
                }

                if (plain is null)
                {
                    plain = new ListBlock(list.Parser!) { IsOrdered = list.IsOrdered, BulletType = list.BulletType, OrderedStart = list.OrderedStart, IsLoose = list.IsLoose };
                    _pending.Add(plain);
                }

                list.Remove(item);
                plain.Add(item);
            }
        }

        public IReadOnlyList<RunbookBlock> Build()
        {
            Flush();
            return _blocks;
        }

        private RunbookStep Step(ListItemBlock item, TaskList marker)
        {
            var head = (ParagraphBlock)item[0];
            marker.Remove();
            if (head.Inline?.FirstChild is LiteralInline { } lead)
            {
                lead.Content = new Markdig.Helpers.StringSlice(lead.Content.ToString().TrimStart());
            }

            var (actions, panels) = RunbookMarkdown.Sanitize(item, runbook);
            var text = RunbookMarkdown.PlainText(head.Inline);
            return new RunbookStep(ids.Next(anchor, text), text, RunbookMarkdown.Render(item.ToList()), actions, panels);
        }

        private void Flush()
        {
            if (_pending.Count == 0)
            {
                return;
            }

            var actions = new List<ActionLink>();
            var panels = new List<PanelLink>();
            foreach (var block in _pending)
            {
                var (a, p) = RunbookMarkdown.Sanitize(block, runbook);
                actions.AddRange(a);
                panels.AddRange(p);
            }

            _blocks.Add(new RunbookBlock(RunbookMarkdown.Render(_pending), actions, panels));
            _pending.Clear();
        }
    }
}
