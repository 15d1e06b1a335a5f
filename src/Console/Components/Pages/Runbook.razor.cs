using Mapper.Console.Actions;
using Mapper.Console.Components.Shared;
using Mapper.Console.Identity;
using Mapper.Console.Monitoring;
using Mapper.Console.Runbooks;
using Microsoft.AspNetCore.Components;

namespace Mapper.Console.Components.Pages;

/// <summary>
/// One runbook, rendered from its Markdown: sections, steps with checkboxes, action buttons and live panels. Step
/// checks belong to the open incident's run of this runbook (else its newest free-standing run); they are audit rows written through the
/// executor. The page re-reads the file when the library reloads it and the run when the audit log grows, both
/// noticed on the sample the layout cascades (no timer of its own).
/// </summary>
public sealed partial class Runbook
{
    private RunbookDocument? _document;
    private RunbookProblem? _problem;
    private RunState _state = RunState.None;
    private Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private string? _runError;
    private bool _busy;
    private string? _name;
    private long _version = -1;
    private long _tail = -1;

    [Parameter]
    public string Name { get; set; } = "";

    [CascadingParameter]
    private EngineSample? Sample { get; set; }

    [CascadingParameter]
    private ConsoleUser User { get; set; } = ConsoleUser.Anonymous;

    [Inject]
    private RunbookLibrary Library { get; set; } = null!;

    [Inject]
    private RunbookRuns Runs { get; set; } = null!;

    [Inject]
    private AuditTail Tail { get; set; } = null!;

    private string? RunWhyNot => User.WhyNot(ConsoleRole.Operator);

    protected override async Task OnParametersSetAsync()
    {
        var renamed = _name != Name;
        if (renamed || Library.Version != _version)
        {
            _name = Name;
            _version = Library.Version;
            _document = Library.Find(Name);
            _problem = Library.ProblemFor(Name);
        }

        if (_document is not null && (renamed || Tail.Last.Id != _tail))
        {
            await LoadRunAsync();
        }
    }

    private async Task LoadRunAsync()
    {
        _tail = Tail.Last.Id;
        _state = await Runs.CurrentAsync(_document!.Name, CancellationToken.None);
    }

    private async Task StartRunAsync()
    {
        _busy = true;
        try
        {
            var outcome = await Runs.StartAsync(User.Actor(Door.Runbook), _document!.Name, _state.Incident?.Id, CancellationToken.None);
            _runError = outcome.Succeeded ? null : outcome.Message;
            _errors = new(StringComparer.Ordinal);
            await LoadRunAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CheckAsync((RunbookStep Step, bool Checked) check)
    {
        _busy = true;
        try
        {
            var outcome = await Runs.CheckAsync(User.Actor(Door.Runbook), _document!.Name, _state.Run?.Id, _state.Incident?.Id, check.Step, check.Checked, CancellationToken.None);
            if (outcome.Succeeded)
            {
                _errors.Remove(check.Step.Id);
            }
            else
            {
                _errors[check.Step.Id] = outcome.Message;
            }

            await LoadRunAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Where the checks go: the open incident's timeline, or a free-standing run.</summary>
    private string IncidentText => _state.Incident is { } incident ? $"(checks recorded on incident #{incident.Id}: {incident.Title})" : "(no incident open: not tied to one)";
}
