using Mapper.Console.Actions;
using Mapper.Console.Components.Dialogs;
using Mapper.Console.Components.Shared;
using Mapper.Console.Identity;
using Mapper.Console.Monitoring;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mapper.Console.Components.Pages;

/// <summary>
/// The operator's levers: kill switch, global and per-detector thresholds (each with its what-if before
/// committing), batch limits, restore to a past time and reset to defaults. Viewers see the same page with every
/// control disabled and the reason. Each change goes through the confirm dialog and then the executor.
/// </summary>
public sealed partial class Controls
{
    private ControlsView _view = null!;
    private IReadOnlyList<string> _detectors = [];

    [CascadingParameter]
    private EngineSample? Sample { get; set; }

    [CascadingParameter]
    private ConsoleUser User { get; set; } = ConsoleUser.Anonymous;

    [Inject]
    private ControlsService Service { get; set; } = null!;

    [Inject]
    private PageActions Actions { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    private string? WhyNot => User.WhyNot(ConsoleRole.Operator);

    protected override void OnInitialized() => _detectors = Service.Detectors();

    // Every sample re-reads what is live, so the cards follow changes made elsewhere; forms keep what a person typed.
    protected override void OnParametersSet() => _view = Service.Live();

    private async Task<ActionOutcome?> RunAsync(string title, IReadOnlyList<ChangeLine> changes, Func<ConfirmedAction, OperatorCommand> command, bool offerRevert)
    {
        var confirmed = await Dialogs.ConfirmAsync(title, changes, offerRevert);
        if (confirmed is null)
        {
            return null;
        }

        var outcome = await Actions.RunAsync(User, command(confirmed));
        _view = Service.Live();
        StateHasChanged();
        return outcome;
    }
}
