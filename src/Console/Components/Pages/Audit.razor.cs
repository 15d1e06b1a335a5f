using Mapper.Console.Actions;
using Mapper.Console.Monitoring;
using Microsoft.AspNetCore.Components;

namespace Mapper.Console.Components.Pages;

/// <summary>
/// The audit log for anyone signed in: filtered, paged rows (newest first) with the SLIs at each change, the
/// chain verified on demand, exports of the filtered rows, and what was live at any past time.
/// </summary>
public sealed partial class Audit
{
    private const int PageSize = 50;
    private AuditFilter _filter = new();
    private AuditPage? _rows;
    private int _pageNumber = 1;
    private long _seenTail = -1;
    private bool _loading;
    private bool _verifying;
    private AuditVerdict? _verdict;
    private DateTimeOffset? _liveAtTime;
    private LiveAt? _liveAt;
    private bool _liveAtSearched;

    /// <summary>Taken only so each new sample re-checks the log's tail.</summary>
    [CascadingParameter]
    private EngineSample? Sample { get; set; }

    [Inject]
    private AuditQueries Queries { get; set; } = null!;

    [Inject]
    private AuditTail Tail { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        // New rows appear on the first page as they are written: one comparison per sample, a query only when the tail moved.
        if (_rows is null || (_pageNumber == 1 && Tail.Last.Id != _seenTail))
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _seenTail = Tail.Last.Id;
        _rows = await Queries.PageAsync(_filter, _pageNumber, PageSize, CancellationToken.None);
        _loading = false;
    }

    private Task FilterAsync(AuditFilter filter)
    {
        _filter = filter;
        _pageNumber = 1;
        return LoadAsync();
    }

    private Task GoToAsync(int page)
    {
        _pageNumber = page;
        return LoadAsync();
    }

    private async Task VerifyAsync()
    {
        _verifying = true;
        _verdict = await Queries.VerifyAsync(CancellationToken.None);
        _verifying = false;
    }

    private async Task LiveAtAsync()
    {
        if (_liveAtTime is { } at)
        {
            _liveAt = await Queries.LiveAtAsync(at, CancellationToken.None);
            _liveAtSearched = true;
        }
    }

    private static int PageCount(AuditPage page) => (int)Math.Ceiling(page.Total / (double)page.Size);

    private static string VerdictText(AuditVerdict verdict) => verdict.Intact
        ? $"intact, {verdict.Rows:N0} rows"
        : $"broken at row {verdict.Break!.RowId}: {verdict.Break.Problem}";
}
