using Mapper.Console.Monitoring;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Console.Store;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mapper.Console.Components.Pages;

/// <summary>Every alert now with its runbook, the error budgets, the drill control, and the transition history; live from the cascaded sample.</summary>
public sealed partial class Alerts
{
    private IReadOnlyList<AlertStatus> _alerts = [];
    private IReadOnlyList<AlertTransition> _history = [];
    private long _lastSequence = -1;

    [CascadingParameter]
    private EngineSample? Sample { get; set; }

    [Inject]
    private AlertsPageService Page { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        _alerts = Page.Current;

        // The history changes only on transitions; read it at most every few samples.
        if (Sample is { } sample && sample.Sequence - _lastSequence >= 5)
        {
            _lastSequence = sample.Sequence;
            _history = await Page.HistoryAsync(50, CancellationToken.None);
        }
    }

    private static Color StateColor(AlertState state) => state switch
    {
        AlertState.Firing => Color.Error,
        AlertState.Pending => Color.Warning,
        AlertState.Suppressed => Color.Info,
        AlertState.Resolved => Color.Success,
        _ => Color.Default,
    };

    private static string Lasted(AlertTransition t)
    {
        if (t.FromSince == DateTimeOffset.MinValue)
        {
            return "";
        }

        var span = t.At - t.FromSince;
        return span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0} s";
    }
}
