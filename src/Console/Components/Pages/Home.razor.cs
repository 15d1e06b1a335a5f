using Mapper.Console.Monitoring;
using Microsoft.AspNetCore.Components;

namespace Mapper.Console.Components.Pages;

/// <summary>
/// The page on-call keeps open: gauges against targets, what is live and who set it, SLI history, the confidence
/// histogram and the per-detector table. It re-renders from the sample the layout cascades (no timer of its own).
/// </summary>
public sealed partial class Home
{
    private OverviewView? _view;
    private int _range;
    private bool _loadingRange;
    private IReadOnlyList<HistoryPoint> _longRange = [];
    private long _longRangeVersion;

    [CascadingParameter]
    private EngineSample? Sample { get; set; }

    [Inject]
    private OverviewService Overview { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    private IReadOnlyList<HistoryPoint> Points => _range == 0 ? _view!.History : _longRange;

    private long PointsVersion => _range == 0 ? _view!.HistoryVersion : -_longRangeVersion - 1;

    protected override void OnParametersSet()
    {
        if (Sample is { } sample)
        {
            _view = Overview.Build(sample);
        }
    }

    private async Task SelectRangeAsync(int range)
    {
        _range = range;
        if (range == 0)
        {
            return;
        }

        _loadingRange = true;
        _longRange = await Overview.LongRangeAsync(OverviewService.Ranges[range], Time.GetUtcNow(), 240, CancellationToken.None);
        _longRangeVersion++;
        _loadingRange = false;
    }

    private static string RangeName(TimeSpan span) => span.TotalHours < 24 ? $"{span.TotalHours:0} h" : $"{span.TotalDays:0} d";
}
