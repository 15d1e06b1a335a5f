using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support.Pages;

/// <summary><c>/controls</c>: the kill switch, the global threshold with its what-if, per-detector thresholds, batch limits, restore and reset.</summary>
public sealed partial class ControlsPage(IPage page) : Shell(page)
{
    public const string Path = "/controls";

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Name = "Controls", Exact = true });

    /// <summary>Shown to a user whose role may not change anything.</summary>
    public ILocator ReadOnlyNotice => Page.GetByTestId("controls-readonly");

    /// <summary>"Off: the model answers ..." or "On: the rules answer every request ... by X: reason".</summary>
    public ILocator KillSwitchState => Page.GetByTestId("killswitch-state");

    public const string StateOn = "On: the rules answer every request";

    public const string StateOff = "Off: the model answers";

    public ILocator KillSwitchToggle => Page.GetByTestId("killswitch-toggle");

    public ILocator ThresholdLive => Page.GetByTestId("threshold-live");

    public ILocator ThresholdInput => Fields.Input(Page, "threshold-input");

    /// <summary>"at 0.75 fallback over the last 15 min would have been X% (now Y%), n=N".</summary>
    public ILocator ThresholdPreview => Page.GetByTestId("threshold-preview");

    public ILocator ThresholdApply => Page.GetByTestId("threshold-apply");

    public ILocator DetectorThresholdPick => Page.GetByTestId("detector-threshold-pick");

    public ILocator DetectorThresholdAdd => Page.GetByTestId("detector-threshold-add");

    public ILocator BatchSizeInput => Fields.Input(Page, "batch-size-input");

    public ILocator BatchWaitInput => Fields.Input(Page, "batch-wait-input");

    public ILocator BatchApply => Page.GetByTestId("batch-apply");

    public ILocator ResetApply => Page.GetByTestId("reset-apply");

    /// <summary>The time whose controls to look up (a <c>datetime-local</c> box in the browser's zone).</summary>
    public ILocator RestoreAt => Fields.Input(Page, "restore-at");

    public ILocator RestoreShow => Page.GetByTestId("restore-show");

    /// <summary>Shown once a past time's controls are on screen.</summary>
    public ILocator RestoreApply => Page.GetByTestId("restore-apply");

    public ILocator LiveAt => Page.GetByTestId("live-at");

    public ILocator DetectorThresholdEdit(string detector) => Page.GetByTestId("detector-threshold-edit-" + detector);

    public ILocator DetectorThresholdClear(string detector) => Page.GetByTestId("detector-threshold-clear-" + detector);

    /// <summary>Every button that changes something live and is on the page before anything is looked up.</summary>
    public IReadOnlyList<ILocator> ChangeButtons => [KillSwitchToggle, ThresholdApply, DetectorThresholdAdd, BatchApply, ResetApply];

    /// <summary>Every field that edits a live value.</summary>
    public IReadOnlyList<(string Name, ILocator Field)> ChangeFields =>
    [
        ("threshold", ThresholdInput), ("batch size", BatchSizeInput), ("batch wait", BatchWaitInput), ("detector pick", Fields.Input(Page, "detector-threshold-pick")),
    ];

    public async Task<ControlsPage> GotoAsync()
    {
        await Page.GotoAsync(Path);
        await Assertions.Expect(Heading).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Flips the kill switch through its button and the confirm dialog, and waits for the card to say so.</summary>
    public async Task FlipKillSwitchAsync(bool on, string reason)
    {
        await Assertions.Expect(KillSwitchToggle).ToHaveTextAsync(on ? TurnOn() : TurnOff());
        await KillSwitchToggle.ClickAsync();
        await Assertions.Expect(ConfirmDialog.Changes).ToContainTextAsync([on ? "rules_only" : "hybrid"]);
        await ConfirmDialog.ApplyAsync(reason);
        await Assertions.Expect(KillSwitchState).ToContainTextAsync(on ? StateOn : StateOff);
    }

    [GeneratedRegex("Turn on")]
    private static partial Regex TurnOn();

    [GeneratedRegex("Turn off")]
    private static partial Regex TurnOff();
}
