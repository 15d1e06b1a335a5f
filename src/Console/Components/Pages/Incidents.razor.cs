using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Console.Components.Dialogs;
using Mapper.Console.Components.Shared;
using Mapper.Console.Incidents;
using Mapper.Console.Monitoring;
using Mapper.Console.Monitoring.Alerts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mapper.Console.Components.Pages;

/// <summary>Open incidents first, then recent ones; open one by hand or in one click from a firing alert. Live from the cascaded sample.</summary>
public sealed partial class Incidents
{
    private IReadOnlyList<IncidentSummary>? _incidents;
    private IReadOnlyList<AlertStatus> _active = [];
    private string? _title;
    private string _severity = "warning";
    private string? _summary;
    private string? _problem;
    private long _lastSequence = -1;

    [CascadingParameter]
    private EngineSample? Sample { get; set; }

    [CascadingParameter]
    private ConsoleUser User { get; set; } = ConsoleUser.Anonymous;

    [Inject]
    private IncidentsService Service { get; set; } = null!;

    [Inject]
    private PageActions Actions { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        _active = Service.ActiveAlerts;

        // The list changes only when someone acts; read it at most every few samples.
        if (_incidents is null || Sample is not { } sample || sample.Sequence - _lastSequence >= 5)
        {
            _lastSequence = Sample?.Sequence ?? _lastSequence;
            await LoadAsync();
        }
    }

    private async Task LoadAsync() => _incidents = await Service.ListAsync(IncidentsService.DefaultRecent, CancellationToken.None);

    private Task OpenAsync() =>
        string.IsNullOrWhiteSpace(_title) ? Task.CompletedTask : ConfirmAndOpenAsync(_title.Trim(), _severity, string.IsNullOrWhiteSpace(_summary) ? null : _summary.Trim(), null);

    private Task OpenFromAlertAsync(AlertStatus alert) =>
        ConfirmAndOpenAsync($"{alert.Name}: {alert.Definition.Summary}", alert.Definition.Severity, alert.Definition.Summary, alert.Name);

    private async Task ConfirmAndOpenAsync(string title, string severity, string? summary, string? alert)
    {
        List<ChangeLine> lines = [new("Title", "—", title), new("Severity", "—", severity)];
        if (alert is not null)
        {
            lines.Add(new ChangeLine("Alert linked", "—", alert));
        }

        if (await Dialogs.ConfirmAsync("Open an incident", lines, confirmText: "Open") is not { } confirmed)
        {
            return;
        }

        var outcome = await Actions.RunAsync(User, new OpenIncident(title, severity, summary, alert) { Reason = confirmed.Reason });
        _problem = outcome.Succeeded ? null : outcome.Message;
        if (outcome.Succeeded && long.TryParse(outcome.Created, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            _title = null;
            _summary = null;
            Navigation.NavigateTo($"/incidents/{id}");
            return;
        }

        await LoadAsync();
    }
}
