using Mapper.Console.Actions;
using Mapper.Console.Components.Dialogs;
using Mapper.Console.Components.Shared;
using Mapper.Console.Identity;
using Mapper.Console.Incidents;
using Mapper.Console.Monitoring;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Mapper.Console.Components.Pages;

/// <summary>
/// One incident: header with its times, the actions (status, severity, commander, linked alerts, page the secondary,
/// export), notes with occurred-at and edits, the timeline with a kind filter and the SLI chart. Every change goes
/// through the confirm dialog (notes excepted: the note is its own statement) and the executor. New events appear from
/// the cascaded sample, without a reload.
/// </summary>
public sealed partial class Incident
{
    private IncidentTimelineView? _view;
    private string _chart = "";
    private bool _loading = true;
    private long? _loadedId;
    private long _lastSequence = -1;
    private long _lastAudit = -1;
    private IReadOnlyList<string> _accounts = [];
    private string? _commander;
    private string? _link;
    private string? _problem;
    private string? _noteProblem;
    private TimelineEvent? _editing;

    [Parameter]
    public long Id { get; set; }

    [CascadingParameter]
    private EngineSample? Sample { get; set; }

    [CascadingParameter]
    private ConsoleUser User { get; set; } = ConsoleUser.Anonymous;

    [CascadingParameter]
    private BrowserZone Zone { get; set; } = BrowserZone.Utc;

    [Inject]
    private IncidentsService Service { get; set; } = null!;

    [Inject]
    private PageActions Actions { get; set; } = null!;

    [Inject]
    private AuditTail Audit { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    private bool CanAct => User.Can(ConsoleRole.Operator);

    private string? WhyNot => User.WhyNot(ConsoleRole.Operator);

    protected override async Task OnParametersSetAsync()
    {
        // A new audit row or every few samples (alert transitions, SLI readings) re-projects the timeline.
        var audit = Audit.Last.Id;
        var sequence = Sample?.Sequence ?? 0;
        if (_loadedId != Id || audit != _lastAudit || sequence - _lastSequence >= 5)
        {
            _lastAudit = audit;
            _lastSequence = sequence;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        if (_loadedId != Id)
        {
            _accounts = await Service.AccountsAsync(CancellationToken.None);
        }

        _loadedId = Id;
        _view = await Service.TimelineAsync(Id, CancellationToken.None);
        _chart = _view is null ? "" : Service.Chart(_view);
        _commander ??= _view?.Incident.Commander;
        _loading = false;
    }

    private Task SetStatusAsync(string status) =>
        ConfirmAndRunAsync($"Incident #{Id}: {StatusText(status).ToLowerInvariant()}", [new ChangeLine("Status", _view!.Incident.Status, status)], r => new SetIncidentStatus(Id, status) { Reason = r });

    private Task ToggleSeverityAsync()
    {
        var to = _view!.Incident.Severity == "critical" ? "warning" : "critical";
        return ConfirmAndRunAsync($"Incident #{Id}: severity", [new ChangeLine("Severity", _view.Incident.Severity, to)], r => new SetIncidentSeverity(Id, to) { Reason = r });
    }

    private Task HandOverAsync() =>
        ConfirmAndRunAsync($"Incident #{Id}: hand over", [new ChangeLine("Commander", _view!.Incident.Commander ?? "unassigned", _commander!)], r => new SetCommander(Id, _commander!) { Reason = r });

    private async Task LinkAsync()
    {
        var alert = _link!;
        if (await ConfirmAndRunAsync($"Incident #{Id}: link an alert", [new ChangeLine("Alerts", string.Join(", ", _view!.Incident.Alerts.DefaultIfEmpty("none")), "+ " + alert)], r => new LinkAlert(Id, alert) { Reason = r }))
        {
            _link = null;
        }
    }

    private Task PageAsync() =>
        ConfirmAndRunAsync("Page the secondary on-call", [new ChangeLine("Secondary on-call", "not paged", $"paged for incident #{Id}")], r => new PageSecondary(Id) { Reason = r });

    private async Task<bool> ConfirmAndRunAsync(string title, IReadOnlyList<ChangeLine> changes, Func<string, OperatorCommand> command)
    {
        if (await Dialogs.ConfirmAsync(title, changes) is not { } confirmed)
        {
            return false;
        }

        var outcome = await Actions.RunAsync(User, command(confirmed.Reason) with { IncidentId = Id });
        _problem = outcome.Succeeded ? null : outcome.Message;
        await LoadAsync();
        return outcome.Succeeded;
    }

    private async Task<bool> SaveNoteAsync(NoteDraft draft)
    {
        var occurred = OccurredAtText.Parse(draft.OccurredAt, Zone, Time.GetUtcNow(), out var error);
        if (error is not null)
        {
            _noteProblem = error;
            StateHasChanged();
            return false;
        }

        OperatorCommand command = draft.NoteId is { } note ? new EditNote(Id, note, draft.Text, occurred) : new AddNote(Id, draft.Text, occurred, draft.FollowUp);
        var outcome = await Actions.RunAsync(User, command);
        _noteProblem = outcome.Succeeded ? null : outcome.Message;
        if (outcome.Succeeded)
        {
            _editing = null;
            await LoadAsync();
        }

        // The form calls this as a plain delegate, not an EventCallback: the page renders its new state itself.
        StateHasChanged();
        return outcome.Succeeded;
    }

    private async Task ExportAsync()
    {
        if (await Service.ExportAsync(Id, CancellationToken.None) is { } export)
        {
            await Js.InvokeVoidAsync("mapperConsole.download", export.FileName, "text/markdown", export.Markdown);
        }
    }

    private static string StatusText(string status) => status switch
    {
        IncidentRules.Mitigated => "Mark mitigated",
        IncidentRules.Resolved => "Resolve",
        _ => "Reopen (investigating)",
    };
}
