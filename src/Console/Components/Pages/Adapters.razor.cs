using Mapper.Console.Actions;
using Mapper.Console.Adapters;
using Mapper.Console.Components.Dialogs;
using Mapper.Console.Components.Shared;
using Mapper.Console.Monitoring;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mapper.Console.Components.Pages;

/// <summary>
/// The adapter registry as on-call needs it: stored versions with their metrics, which one served when, a diff
/// of the live one against another, activation and rollback through the gate (admin), and training with live
/// progress, re-read each time the layout's sample arrives (no timer of its own).
/// </summary>
public sealed partial class Adapters
{
    private AdaptersView? _view;
    private TrainingStatus? _training;
    private AdapterDiff? _diff;
    private string? _busy;
    private Verdict? _verdict;
    private bool _wasRunning;

    [CascadingParameter]
    private EngineSample? Sample { get; set; }

    [CascadingParameter]
    private ConsoleUser User { get; set; } = ConsoleUser.Anonymous;

    [Inject]
    private AdapterCatalog Catalog { get; set; } = null!;

    [Inject]
    private PageActions Actions { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        _training = Catalog.Training;
        var running = _training?.State == TrainingState.Running;

        // A run that just ended may have stored (and activated) a version; someone else may have activated one.
        var changedElsewhere = Sample is { } s && _view is { } v && s.Controls.AdapterRevision != v.Revision;
        if (_view is null || (_wasRunning && !running) || changedElsewhere)
        {
            await ReloadAsync();
        }

        _wasRunning = running;
    }

    private async Task ReloadAsync()
    {
        _view = await Catalog.LoadAsync(CancellationToken.None);
        if (_diff is { } diff && (_view.LiveManifest is not { } live || live.Name != diff.LiveName))
        {
            _diff = null;
        }
    }

    private void Compare(AdapterRow row)
    {
        if (_view?.LiveManifest is { } live)
        {
            _diff = Catalog.Diff(live, row.Manifest);
        }
    }

    private async Task ActivateAsync(AdapterRow row)
    {
        var view = _view!;
        var confirmed = await Dialogs.ConfirmAsync($"Activate {row.Name}", Changes(view, row, "activate"), confirmText: "Activate");
        if (confirmed is not null)
        {
            await GateAsync(row.Name, new ActivateAdapter(row.Manifest.Id, row.Manifest.Version) { Reason = confirmed.Reason, ExpectedEpoch = view.Epoch });
        }
    }

    private async Task RollbackAsync(AdapterRow row)
    {
        var view = _view!;
        var confirmed = await Dialogs.ConfirmAsync($"Roll back to {row.Name}", Changes(view, row, "rollback"), confirmText: "Roll back");
        if (confirmed is not null)
        {
            await GateAsync(row.Name, new RollbackAdapter(row.Manifest.Version) { Reason = confirmed.Reason, ExpectedEpoch = view.Epoch });
        }
    }

    private async Task GateAsync(string name, OperatorCommand command)
    {
        _busy = $"Gating {name}";
        _verdict = null;
        StateHasChanged();

        // The gate runs for a second or more; off the circuit's context, so the page keeps rendering its progress.
        var outcome = await Task.Run(() => Actions.RunAsync(User, command));
        _busy = null;
        _verdict = Verdict.From(outcome);
        await ReloadAsync();
    }

    private async Task StartTrainingAsync(bool activate)
    {
        var changes = new List<ChangeLine> { new("Training", "idle", "train the next version from the current data") };
        if (activate)
        {
            changes.Add(new ChangeLine("When done", _view?.Live ?? "none", "activate the new version through the gate"));
        }

        var confirmed = await Dialogs.ConfirmAsync("Train a new adapter", changes, confirmText: "Train");
        if (confirmed is not null)
        {
            _verdict = Verdict.From(await Actions.RunAsync(User, new StartTraining(activate) { Reason = confirmed.Reason }));
            _training = Catalog.Training;
            _wasRunning = _training?.State == TrainingState.Running;
        }
    }

    private async Task CancelTrainingAsync()
    {
        _verdict = Verdict.From(await Actions.RunAsync(User, new CancelTraining()));
        _training = Catalog.Training;
    }

    private static List<ChangeLine> Changes(AdaptersView view, AdapterRow row, string kind) =>
    [
        new("Adapter", view.Live ?? "none", row.Name),
        new("Revision", view.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{view.Revision + 1} ({kind})"),
        new("Gate", "", "every rule row and every saved regression case must pass"),
    ];

    /// <summary>What the last action came to, in the page's words.</summary>
    private sealed record Verdict(ActionStatus Status, string Title, string Message, Severity Severity)
    {
        public static Verdict From(ActionOutcome outcome) => outcome.Status switch
        {
            ActionStatus.Applied => new(outcome.Status, "Done.", outcome.Message, Severity.Success),
            ActionStatus.Refused => new(outcome.Status, "Refused by the gate.", outcome.Message, Severity.Error),
            ActionStatus.Stale => new(outcome.Status, "Not applied: changed since you loaded it.", outcome.Message, Severity.Warning),
            ActionStatus.Denied => new(outcome.Status, "Denied.", outcome.Message, Severity.Error),
            ActionStatus.Invalid => new(outcome.Status, "Not applied.", outcome.Message, Severity.Warning),
            _ => new(outcome.Status, "Failed.", outcome.Message, Severity.Error),
        };
    }
}
