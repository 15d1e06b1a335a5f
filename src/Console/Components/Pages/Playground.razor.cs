using Mapper.Console.Actions;
using Mapper.Console.Components.Dialogs;
using Mapper.Console.Components.Shared;
using Mapper.Console.Identity;
using Mapper.Console.Incidents;
using Mapper.Console.Monitoring;
using Mapper.Console.Playground;
using Mapper.Console.Store;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Mapper.Console.Components.Pages;

/// <summary>
/// Ad hoc mapping through the production pipeline with per-run "what if"s, each run audited; saving a run as a
/// regression case or pinning it to an open incident (operator), the saved cases with delete, and their export as a golden-case file.
/// </summary>
public sealed partial class Playground
{
    private string? _detector;
    private string? _output;
    private string? _metadata;
    private string? _tenant;
    private bool _rulesOnly;
    private double? _threshold;
    private bool _running;
    private string? _problem;
    private PlaygroundRun? _run;
    private IReadOnlyList<RegressionCase> _cases = [];
    private IReadOnlyList<IncidentSummary> _openIncidents = [];
    private long? _pinnedTo;

    [CascadingParameter]
    private EngineSample? Sample { get; set; }

    [CascadingParameter]
    private ConsoleUser User { get; set; } = ConsoleUser.Anonymous;

    [Inject]
    private PlaygroundService Service { get; set; } = null!;

    [Inject]
    private RegressionCases Cases { get; set; } = null!;

    [Inject]
    private IncidentsService Incidents { get; set; } = null!;

    [Inject]
    private PageActions Actions { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    private bool CanRun => User.Can(ConsoleRole.Operator);

    private string? WhyNot => User.WhyNot(ConsoleRole.Operator);

    protected override async Task OnInitializedAsync() => _cases = await Cases.ListAsync(CancellationToken.None);

    private async Task RunAsync()
    {
        _running = true;
        _problem = null;
        var answer = await Service.RunAsync(User, new PlaygroundInput(_detector ?? "", _output ?? "", _metadata, _tenant), new PlaygroundOverrides(_rulesOnly, _threshold));
        _running = false;
        _problem = answer.Problem;
        _run = answer.Run;
        _pinnedTo = null;
        _openIncidents = await Incidents.OpenAsync(CancellationToken.None);
    }

    /// <summary>Pins this run's audit row (metadata only) to an open incident's timeline.</summary>
    private async Task PinAsync(long incident)
    {
        if (_run is not { AuditId: { } auditId })
        {
            return;
        }

        var outcome = await Actions.RunAsync(User, new PinPlaygroundRun(incident, auditId));
        _problem = outcome.Succeeded ? null : outcome.Message;
        _pinnedTo = outcome.Succeeded ? incident : _pinnedTo;
    }

    private async Task SaveCaseAsync()
    {
        if (_run is not { } run)
        {
            return;
        }

        var answer = await Dialogs.AskSaveCaseAsync(run.Request.Detector, run.Request.Output, run.Decision.Labels, run.Decision.ModelLabels);
        if (answer is null)
        {
            return;
        }

        var outcome = await Actions.RunAsync(User, new SaveRegressionCase(run.Request.Detector, run.Request.Output, answer.Labels, answer.Description));
        _problem = outcome.Succeeded ? null : outcome.Message;
        _cases = await Cases.ListAsync(CancellationToken.None);
    }

    private async Task DeleteCaseAsync(RegressionCase target)
    {
        var changes = new[] { new ChangeLine($"Regression case {target.Id}", $"{target.Detector} → {target.ExpectedLabels}", "deleted: later activations no longer run it") };
        var confirmed = await Dialogs.ConfirmAsync($"Delete regression case {target.Id}", changes, confirmText: "Delete");
        if (confirmed is null)
        {
            return;
        }

        await Actions.RunAsync(User, new DeleteRegressionCase(target.Id) { Reason = confirmed.Reason });
        _cases = await Cases.ListAsync(CancellationToken.None);
    }

    private async Task ExportAsync()
    {
        if (await Cases.ExportAsync(CancellationToken.None) is { } file)
        {
            await Js.InvokeVoidAsync("mapperConsole.download", RegressionCases.ExportFileName, "application/json", file);
        }
    }

    private double LiveThreshold(PlaygroundRun run) => Sample?.Controls.ThresholdFor(run.Decision.Detector) ?? run.Decision.Threshold;
}
