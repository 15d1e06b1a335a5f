using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support.Pages;

/// <summary><c>/audit</c>: the filtered rows (newest first, 50 a page), verify, exports, what was live at a time.</summary>
public sealed class AuditPage(IPage page) : Shell(page)
{
    public const string Path = "/audit";

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Name = "Audit log", Exact = true });

    public ILocator Rows => Page.GetByTestId("audit-row");

    public async Task<AuditPage> GotoAsync()
    {
        await Page.GotoAsync(Path);
        await Assertions.Expect(Heading).ToBeVisibleAsync();
        return this;
    }

    /// <summary>The row of audit entry <paramref name="id"/> (<c>data-audit-id</c>).</summary>
    public AuditRow Row(long id) => new(Page.Locator($"[data-testid=audit-row][data-audit-id='{id}']"));

    /// <summary>The rows whose text holds <paramref name="text"/> (a reason only one test wrote, say).</summary>
    public AuditRow RowWith(string text) => new(Rows.Filter(new() { HasText = text }));
}

/// <summary>One row of the audit table, cell by column.</summary>
public sealed class AuditRow(ILocator row)
{
    public ILocator Root => row;

    public ILocator Actor => row.GetByTestId("audit-actor");

    public ILocator Action => row.GetByTestId("audit-action");

    public ILocator Role => Column(3);

    public ILocator Door => Column(4);

    public ILocator Target => Column(6);

    public ILocator Change => Column(7);

    public ILocator Reason => Column(8);

    public ILocator Result => Column(9);

    // Columns: #, Time, Actor, Role, Door, Action, Target, Old → new, Reason, Result, SLIs then.
    private ILocator Column(int index) => row.Locator("td").Nth(index);
}
