using Mapper.Console.Runbooks;

namespace Mapper.Console.Tests.Runbooks;

/// <summary>The renderer's safety: raw HTML is text, only allow-listed schemes become links, authors cannot add attributes.</summary>
public sealed class RunbookMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("Text with <b onmouseover=\"alert(1)\">bold</b> inline.", "<b ")]
    [InlineData("<div onclick=\"alert(1)\">\nblock html\n</div>", "<div")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>", "<iframe")]
    public void Parse_RawHtml_RendersAsEscapedText(string markdown, string forbidden)
    {
        var html = Html(markdown);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click me](javascript:alert(1))")]
    [InlineData("[click me](JaVaScRiPt:alert(1))")]
    [InlineData("[click me](java&#09;script:alert(1))")]
    [InlineData("[click me](<java\tscript:alert(1)>)")]
    [InlineData("[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click me](vbscript:msgbox)")]
    [InlineData("[click me](file:///etc/passwd)")]
    [InlineData("[click me](//evil.example/x)")]
    [InlineData("[click me](\\\\evil.example\\x)")]
    [InlineData("[click me][ref]\n\n[ref]: javascript:alert(3)")]
    [InlineData("![click me](javascript:alert(1))")]
    [InlineData("![click me](action:kill-switch-on)")]
    public void Parse_RefusedScheme_RendersTheTextAndNoLink(string markdown)
    {
        var html = Html(markdown);

        Assert.Contains("click me", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<javascript:alert(2)>", "javascript:alert(2)")]
    [InlineData("<data:text/html,hi>", "data:text/html,hi")]
    public void Parse_RefusedAutolink_RendersItsTextOnly(string markdown, string text)
    {
        var html = Html(markdown);

        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GenericAttributes_AreNotApplied()
    {
        var html = Html("[site](https://example.com){onclick=\"alert(1)\" style=\"x\"}\n\n# Heading {onmouseover=\"alert(2)\"}");

        Assert.DoesNotContain("onclick=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onmouseover=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MediaLink_IsNotAnIframe()
    {
        var html = Html("![video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)");

        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[site](https://example.com/a?b=c)", "href=\"https://example.com/a?b=c\"")]
    [InlineData("[plain](http://example.com)", "href=\"http://example.com\"")]
    [InlineData("[mail](mailto:oncall@example.com)", "href=\"mailto:oncall@example.com\"")]
    [InlineData("see www.example.com today", "href=\"http://www.example.com\"")]
    [InlineData("[other](kill-switch.md)", "href=\"/runbooks/kill-switch\"")]
    [InlineData("[other](./thresholds.md)", "href=\"/runbooks/thresholds\"")]
    [InlineData("[section](kill-switch.md#mitigate)", "href=\"/runbooks/kill-switch#mitigate\"")]
    [InlineData("[here](#investigate)", "href=\"/runbooks/this-one#investigate\"")]
    [InlineData("[file](images/diagram.png)", "href=\"images/diagram.png\"")]
    public void Parse_AllowedLink_IsALinkToTheRightPlace(string markdown, string expected)
    {
        Assert.Contains(expected, Html(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ActionWithArguments_GivesNameAndDecodedArgs()
    {
        var link = RunbookLinks.Resolve("action:set-threshold?detector=presidio&value=0.5&note=a%20b", "thresholds");

        Assert.Equal(LinkKind.Action, link.Kind);
        Assert.Equal("set-threshold", link.Name);
        Assert.Equal(new Dictionary<string, string> { ["detector"] = "presidio", ["value"] = "0.5", ["note"] = "a b" }, link.Args);
    }

    [Theory]
    [InlineData("action:")]
    [InlineData("action:Kill_Switch")]
    [InlineData("panel:../gauges")]
    public void Resolve_MalformedActionOrPanelName_IsRefused(string url)
    {
        Assert.Equal(LinkKind.Refused, RunbookLinks.Resolve(url, "x").Kind);
    }

    /// <summary>Everything a one-paragraph runbook renders, intro included.</summary>
    private static string Html(string body)
    {
        var document = RunbookParser.Parse("this-one", "this-one.md", "# Title\n\n" + body + "\n\n## Section\n\n" + body + "\n");
        return string.Concat(document.Intro.Concat(document.Sections.SelectMany(s => s.Blocks)).Select(b => b.Html));
    }
}
