using System.Text;
using Markdig;
using Markdig.Extensions.GenericAttributes;
using Markdig.Extensions.MediaLinks;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Mapper.Console.Runbooks;

/// <summary>
/// The one Markdown pipeline of the console, built once: Markdig's advanced extensions with raw HTML off. Two of
/// those extensions are taken out again because they write markup the Markdown author chooses: generic attributes
/// (<c>{onclick="..."}</c> puts any attribute on any element) and media links (an image link to a video site becomes
/// an iframe). Every link goes through <see cref="RunbookLinks"/> before anything is rendered.
/// </summary>
public static class RunbookMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>
    /// Makes one part of a runbook safe to render and pulls out what it asks for: allowed links are rewritten
    /// (runbooks to console routes), refused ones become their text, action and panel links become their text in
    /// bold (the button or panel sits beside it) and are returned. Stray task-list markers become literal text.
    /// </summary>
    public static (List<ActionLink> Actions, List<PanelLink> Panels) Sanitize(MarkdownObject part, string runbook)
    {
        var actions = new List<ActionLink>();
        var panels = new List<PanelLink>();
        // Markdig's Descendants() of a leaf block (a paragraph) does not go into its inlines.
        List<MarkdownObject> nodes = part is LeafBlock { Inline: { } inline } ? [part, inline, .. inline.Descendants()] : [part, .. part.Descendants()];
        foreach (var node in nodes)
        {
            // Defence in depth: no attribute but the id and classes Markdig itself gives.
            node.TryGetAttributes()?.Properties?.Clear();
            switch (node)
            {
                case LinkInline link:
                    SanitizeLink(link, runbook, actions, panels);
                    break;
                case AutolinkInline auto:
                    var resolved = RunbookLinks.Resolve(auto.IsEmail ? "mailto:" + auto.Url : auto.Url, runbook);
                    if (resolved.Kind is LinkKind.Web or LinkKind.Relative or LinkKind.Runbook)
                    {
                        auto.Url = auto.IsEmail ? auto.Url : resolved.Href!;
                    }
                    else
                    {
                        auto.ReplaceBy(new LiteralInline(auto.Url));
                    }

                    break;
                case TaskList task:
                    task.ReplaceBy(new LiteralInline(task.Checked ? "[x]" : "[ ]"));
                    break;
            }
        }

        return (actions, panels);
    }

    /// <summary>Markdig's HTML for blocks already sanitised.</summary>
    public static string Render(IEnumerable<Block> blocks)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        foreach (var block in blocks)
        {
            renderer.Render(block);
        }

        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The words of some inlines, whitespace collapsed (link text included, destinations not).</summary>
    public static string PlainText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(inline, text);
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void SanitizeLink(LinkInline link, string runbook, List<ActionLink> actions, List<PanelLink> panels)
    {
        var resolved = RunbookLinks.Resolve(link.Url, runbook);
        switch (resolved.Kind)
        {
            case LinkKind.Web or LinkKind.Relative:
                link.Url = resolved.Href;
                break;
            case LinkKind.Runbook when !link.IsImage:
                link.Url = resolved.Href;
                break;
            case LinkKind.Action when !link.IsImage:
                actions.Add(new ActionLink(resolved.Name!, resolved.Args!, PlainText(link)));
                link.ReplaceBy(new EmphasisInline { DelimiterChar = '*', DelimiterCount = 2 });
                break;
            case LinkKind.Panel when !link.IsImage:
                panels.Add(new PanelLink(resolved.Name!, PlainText(link)));
                link.ReplaceBy(new EmphasisInline { DelimiterChar = '*', DelimiterCount = 2 });
                break;
            default:
                Unwrap(link);
                break;
        }
    }

    /// <summary>Puts a link's text where the link was (for an image, its alt text).</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    private static void Append(Inline? inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline auto:
                text.Append(auto.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(child, text);
                }

                break;
        }
    }

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml();
        builder.Extensions.RemoveAll(e => e is GenericAttributesExtension or MediaLinkExtension);
        return builder.Build();
    }
}
