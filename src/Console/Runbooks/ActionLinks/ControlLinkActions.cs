using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Engine;
using Mapper.Engine.Controls;

namespace Mapper.Console.Runbooks.ActionLinks;

/// <summary><c>kill-switch-on</c> (with an optional auto-revert) and <c>kill-switch-off</c>.</summary>
public sealed class KillSwitchLinkAction(bool on, LiveRecord live) : RunbookAction(on ? "kill-switch-on" : "kill-switch-off", ConsoleRole.Operator)
{
    public override Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var now = live.Current;
        var title = on ? "Turn the kill switch on" : "Turn the kill switch off";
        var isOn = now.Controls.Mode == MappingMode.RulesOnly;
        if (isOn == on)
        {
            var note = live.NoteFor(LiveRecord.ModeSetting);
            return Task.FromResult(ActionProposal.Cannot(title, $"the kill switch is already {(on ? "on" : "off")}" + (note is null ? "" : $" (since {Utc(note.At)} by {note.Actor})")));
        }

        var hint = on
            ? "From the next request on, the rules answer everything (reason kill_switch); fallback reads about 100% as expected."
            : "From the next request on, the model answers again, with the rules as fallback.";
        return Task.FromResult(new ActionProposal(
            title,
            [new ActionChange("mode", LiveRecord.ModeText(now), on ? "rules_only" : "hybrid")],
            (reason, revert) => new SetKillSwitch(on, on ? revert : null) { Reason = reason, ExpectedEpoch = now.Epoch },
            hint,
            OfferRevert: on));
    }
}

/// <summary><c>reset-controls</c>: every control back to the configured defaults (the adapter stays).</summary>
public sealed class ResetControlsLinkAction(LiveRecord live, EngineOptions defaults) : RunbookAction("reset-controls", ConsoleRole.Operator)
{
    public override Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var now = live.Current;
        var lines = ControlDiff.Lines(now, defaults.ToInitialControls(), clearsRevert: true);
        const string title = "Reset the controls to the configured defaults";
        return Task.FromResult(lines.Count == 0
            ? ActionProposal.Cannot(title, "every control already has its configured default")
            : new ActionProposal(title, lines, (reason, _) => new ResetControls { Reason = reason, ExpectedEpoch = now.Epoch },
                "Defaults come from appsettings.json; the adapter is not changed."));
    }
}

/// <summary><c>set-batch-limits?size=16&amp;wait_ms=0</c>.</summary>
public sealed class BatchLimitsLinkAction(LiveRecord live, EngineOptions defaults) : RunbookAction("set-batch-limits", ConsoleRole.Operator)
{
    public override Task<IReadOnlyList<ActionField>> FieldsAsync(IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken)
    {
        var c = live.Current.Controls;
        return Task.FromResult<IReadOnlyList<ActionField>>(
        [
            new ActionField("size", "Max batch size", FieldKind.Number, args.GetValueOrDefault("size") ?? c.MaxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), [], 1, RuntimeControlsValidator.MaxBatchSizeLimit, 1),
            new ActionField("wait_ms", "Max batch wait (ms)", FieldKind.Number, args.GetValueOrDefault("wait_ms") ?? Number(c.MaxBatchWait.TotalMilliseconds), [], 0, RuntimeControlsValidator.MaxBatchWaitLimit.TotalMilliseconds, 0.5),
        ]);
    }

    public override Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        const string title = "Set the batch limits";
        var now = live.Current;
        if (!TryNumber(values, "size", out var size) || size != Math.Floor(size) || size is < 1 or > RuntimeControlsValidator.MaxBatchSizeLimit)
        {
            return Task.FromResult(ActionProposal.Cannot(title, $"max batch size: a whole number within [1, {RuntimeControlsValidator.MaxBatchSizeLimit}]"));
        }

        if (!TryNumber(values, "wait_ms", out var wait) || wait < 0 || wait > RuntimeControlsValidator.MaxBatchWaitLimit.TotalMilliseconds)
        {
            return Task.FromResult(ActionProposal.Cannot(title, $"max batch wait: milliseconds within [0, {Number(RuntimeControlsValidator.MaxBatchWaitLimit.TotalMilliseconds)}]"));
        }

        var next = now.Controls with { MaxBatchSize = (int)size, MaxBatchWait = TimeSpan.FromMilliseconds(wait) };
        var lines = ControlDiff.Lines(now, next);
        var hint = $"Configured defaults: max {defaults.MaxBatchSize}, wait {Number(defaults.MaxBatchWaitMs)} ms. Smaller batches and less wait shorten each request's time in the queue and lower throughput.";
        return Task.FromResult(lines.Count == 0
            ? ActionProposal.Cannot(title, $"the batch limits are already {ControlDiff.Batch(now.Controls)}", hint)
            : new ActionProposal(title, lines, (reason, _) => new SetBatchLimits((int)size, wait) { Reason = reason, ExpectedEpoch = now.Epoch }, hint));
    }
}
