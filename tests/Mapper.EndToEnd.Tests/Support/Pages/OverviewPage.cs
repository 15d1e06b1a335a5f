using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support.Pages;

/// <summary><c>/</c>: the gauges, the sample line ("N requests · as of T"), history, what is live and the per-detector table.</summary>
public sealed partial class OverviewPage(IPage page) : Shell(page)
{
    /// <summary>The gauges in the order the overview shows them.</summary>
    public static readonly IReadOnlyList<string> GaugeKeys = ["schema-valid", "fallback", "latency-p95", "http-5xx", "queue-lag"];

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Exact = true });

    /// <summary>"SLIs over the last 5 min · N requests · as of HH:mm:ss".</summary>
    public ILocator SampleLine => Page.GetByTestId("sample-at");

    public ILocator DetectorTable => Page.GetByTestId("detector-table");

    public async Task<OverviewPage> GotoAsync()
    {
        await Page.GotoAsync("/");
        await Assertions.Expect(Heading).ToBeVisibleAsync();
        return this;
    }

    public GaugeCard Gauge(string key) => new(Page.GetByTestId("gauge-" + key));

    /// <summary>The detector's row in the per-detector table (<c>data-testid="detector-NAME"</c>).</summary>
    public ILocator DetectorRow(string detector) => Page.GetByTestId("detector-" + detector);

    /// <summary>The request count of the sample line.</summary>
    public async Task<long> RequestCountAsync() => ParseCount(SampleRequests(), await SampleLine.InnerTextAsync());

    /// <summary>When the sample on screen was taken (the <c>datetime</c> of its time element, UTC).</summary>
    public async Task<DateTimeOffset> SampledAtAsync() =>
        DateTimeOffset.Parse((await SampleLine.Locator("time").GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture);

    /// <summary>The detector's request count in the table; 0 when it has no row (no requests in the window).</summary>
    public async Task<long> DetectorRequestsAsync(string detector)
    {
        var row = DetectorRow(detector);
        return await row.CountAsync() == 0 ? 0 : ParseCount(Digits(), await row.Locator("td").Nth(1).InnerTextAsync());
    }

    private static long ParseCount(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } m
            ? long.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)
            : throw new FormatException($"no count in '{text}'");

    [GeneratedRegex(@"([\d,]+) requests")]
    private static partial Regex SampleRequests();

    [GeneratedRegex(@"^\s*([\d,]+)\s*$")]
    private static partial Regex Digits();
}

/// <summary>One gauge card: its state (<c>data-state</c>: ok, warning, breach, no-data, expected), value and note.</summary>
public sealed class GaugeCard(ILocator card)
{
    public ILocator Root => card;

    public ILocator Value => card.GetByTestId("gauge-value");

    public ILocator StateChip => card.GetByTestId("gauge-state");

    public ILocator Note => card.GetByTestId("gauge-note");

    public ILocator Age => card.GetByTestId("gauge-age");

    public Task<string?> StateAsync() => card.GetAttributeAsync("data-state");
}
