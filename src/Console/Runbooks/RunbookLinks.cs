using System.Text.RegularExpressions;

namespace Mapper.Console.Runbooks;

public enum LinkKind
{
    /// <summary>http, https or mailto: rendered as a link, unchanged.</summary>
    Web,

    /// <summary>Another runbook (<c>other.md</c>) or a section of this one (<c>#anchor</c>): rendered as a console route.</summary>
    Runbook,

    /// <summary>Any other relative path: rendered as a link, unchanged.</summary>
    Relative,

    /// <summary><c>action:NAME?args</c>: a button beside the step.</summary>
    Action,

    /// <summary><c>panel:NAME</c>: a live panel beside the step.</summary>
    Panel,

    /// <summary>Anything else (<c>javascript:</c>, <c>data:</c>, <c>file:</c>, <c>//host</c>): rendered as plain text, never a link.</summary>
    Refused,
}

/// <summary>What one link of a runbook resolves to.</summary>
public sealed record ResolvedLink(LinkKind Kind, string? Href = null, string? Name = null, IReadOnlyDictionary<string, string>? Args = null);

/// <summary>
/// The URL allow-list of the runbook renderer. A scheme is allowed only when it is named here; a URL holding
/// whitespace, control characters or a backslash is refused outright, because browsers drop or rewrite those
/// (<c>java&#9;script:</c> runs as <c>javascript:</c>) and the check must see what the browser will.
/// </summary>
public static partial class RunbookLinks
{
    public const string ActionScheme = "action";
    public const string PanelScheme = "panel";
    public const string Route = "/runbooks";

    private static readonly string[] WebSchemes = ["http", "https", "mailto"];

    /// <summary>The console route of a runbook, with an optional section anchor.</summary>
    public static string RouteTo(string runbook, string? anchor = null) =>
        $"{Route}/{Uri.EscapeDataString(runbook)}" + (string.IsNullOrEmpty(anchor) ? "" : "#" + anchor);

    /// <param name="url">The link's destination as Markdig parsed it (entities and escapes already decoded).</param>
    /// <param name="runbook">The runbook the link is in: a bare <c>#anchor</c> routes to its own section.</param>
    public static ResolvedLink Resolve(string? url, string runbook)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\'))
        {
            return new ResolvedLink(LinkKind.Refused);
        }

        if (SchemePattern().Match(url) is { Success: true } scheme)
        {
            var name = scheme.Groups[1].Value.ToLowerInvariant();
            var rest = url[scheme.Length..];
            return name switch
            {
                ActionScheme => Named(LinkKind.Action, rest),
                PanelScheme => Named(LinkKind.Panel, rest),
                _ when WebSchemes.Contains(name) && Uri.TryCreate(url, UriKind.Absolute, out _) => new ResolvedLink(LinkKind.Web, url),
                _ => new ResolvedLink(LinkKind.Refused),
            };
        }

        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            // Protocol-relative: another host, not a relative path.
            return new ResolvedLink(LinkKind.Refused);
        }

        if (url.StartsWith('#'))
        {
            // The console's <base href="/"> would send a bare #anchor to the overview.
            return new ResolvedLink(LinkKind.Runbook, RouteTo(runbook, url[1..]), runbook);
        }

        if (RunbookFilePattern().Match(url) is { Success: true } file)
        {
            var anchor = file.Groups["anchor"].Success ? file.Groups["anchor"].Value : null;
            return new ResolvedLink(LinkKind.Runbook, RouteTo(file.Groups["name"].Value, anchor), file.Groups["name"].Value);
        }

        return new ResolvedLink(LinkKind.Relative, url);
    }

    /// <summary><c>set-threshold?detector=presidio&amp;value=0.5</c> → name and arguments; a malformed name is refused.</summary>
    private static ResolvedLink Named(LinkKind kind, string rest)
    {
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var name = query < 0 ? rest : rest[..query];
        if (!NamePattern().IsMatch(name))
        {
            return new ResolvedLink(LinkKind.Refused);
        }

        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        if (query >= 0)
        {
            foreach (var pair in rest[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                args[key] = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return new ResolvedLink(kind, Name: name, Args: args);
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex SchemePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NamePattern();

    /// <summary>A runbook beside this one: <c>name.md</c> or <c>./name.md</c>, optionally <c>#anchor</c>.</summary>
    [GeneratedRegex(@"^(?:\./)?(?<name>[A-Za-z0-9][A-Za-z0-9_-]*)\.md(?:#(?<anchor>[^#]*))?$")]
    public static partial Regex RunbookFilePattern();
}
