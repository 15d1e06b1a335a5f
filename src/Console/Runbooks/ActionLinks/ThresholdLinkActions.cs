using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Monitoring;
using Mapper.Engine.Data;

namespace Mapper.Console.Runbooks.ActionLinks;

/// <summary><c>set-threshold?value=0.5</c> (global) or <c>?detector=presidio&amp;value=0.5</c>, with the what-if before confirming.</summary>
public sealed class SetThresholdLinkAction(LiveRecord live, ThresholdPreview preview, EngineDataProvider data) : RunbookAction("set-threshold", ConsoleRole.Operator)
{
    public const string Global = "";

    public override Task<IReadOnlyList<ActionField>> FieldsAsync(IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken)
    {
        var c = live.Current.Controls;
        var detector = Text(args, "detector") is { } named ? data.Current.Rules.Detectors.Resolve(named) ?? named : Global;
        var value = args.GetValueOrDefault("value") ?? Number(detector == Global ? c.GlobalThreshold : c.ThresholdFor(detector));
        FieldChoice[] detectors = [new(Global, "global (every detector without its own)"), .. data.Current.DetectorsByName.Keys.Order(StringComparer.Ordinal).Select(d => new FieldChoice(d, d))];
        return Task.FromResult<IReadOnlyList<ActionField>>(
        [
            new ActionField("detector", "Detector", FieldKind.Choice, detector, detectors),
            new ActionField("value", "Threshold", FieldKind.Number, value, [], 0, 1, 0.01),
        ]);
    }

    public override Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var named = Text(values, "detector");
        var detector = named is null ? null : data.Current.Rules.Detectors.Resolve(named);
        var title = detector is null ? "Set the global threshold" : $"Set the threshold for {detector}";
        if (named is not null && detector is null)
        {
            return Task.FromResult(ActionProposal.Cannot(title, $"detector: '{named}' is not a detector the mapping data knows"));
        }

        if (!TryNumber(values, "value", out var value) || value is < 0 or > 1)
        {
            return Task.FromResult(ActionProposal.Cannot(title, "threshold: a number within [0, 1]"));
        }

        var now = live.Current;
        var c = now.Controls;
        var from = detector is null ? Number(c.GlobalThreshold) : c.DetectorThresholds.TryGetValue(detector, out var own) ? Number(own) : $"global ({Number(c.GlobalThreshold)})";
        var whatIf = preview.Preview(value, detector);
        if (from == Number(value))
        {
            return Task.FromResult(ActionProposal.Cannot(title, $"the threshold is already {from}", whatIf.Sentence));
        }

        var lines = new List<ActionChange> { new(detector is null ? "global threshold" : $"threshold for {detector}", from, Number(value)) };
        if (whatIf is { PercentNow: { } was, PercentThen: { } would })
        {
            lines.Add(new ActionChange($"fallback{(detector is null ? "" : $" for {detector}")}, last {(int)whatIf.Window.TotalMinutes} min (what-if)", Percent(was), Percent(would)));
        }

        return Task.FromResult(new ActionProposal(title, lines, (reason, _) => new SetThreshold(detector, value) { Reason = reason, ExpectedEpoch = now.Epoch }, whatIf.Sentence));
    }

    private static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " %";
}

/// <summary><c>clear-threshold?detector=presidio</c>: the detector follows the global threshold again.</summary>
public sealed class ClearThresholdLinkAction(LiveRecord live, ThresholdPreview preview, EngineDataProvider data) : RunbookAction("clear-threshold", ConsoleRole.Operator)
{
    public override Task<IReadOnlyList<ActionField>> FieldsAsync(IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken)
    {
        var own = live.Current.Controls.DetectorThresholds;
        var named = Text(args, "detector") is { } n ? data.Current.Rules.Detectors.Resolve(n) ?? n : null;
        var choices = own.Keys.Order(StringComparer.Ordinal).Select(d => new FieldChoice(d, $"{d} ({Number(own[d])})")).ToList();
        return Task.FromResult<IReadOnlyList<ActionField>>([new ActionField("detector", "Detector", FieldKind.Choice, named ?? choices.FirstOrDefault()?.Value ?? "", choices)]);
    }

    public override Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var now = live.Current;
        var c = now.Controls;
        var named = Text(values, "detector");
        if (named is null)
        {
            return Task.FromResult(ActionProposal.Cannot("Clear a detector's threshold", c.DetectorThresholds.Count == 0 ? "no detector has a threshold of its own" : "detector: pick one"));
        }

        var detector = data.Current.Rules.Detectors.Resolve(named) ?? named;
        var title = $"Clear the threshold for {detector}";
        if (!c.DetectorThresholds.TryGetValue(detector, out var own))
        {
            return Task.FromResult(ActionProposal.Cannot(title, $"{detector} has no threshold of its own: it follows the global threshold ({Number(c.GlobalThreshold)})"));
        }

        var whatIf = preview.Preview(c.GlobalThreshold, detector);
        return Task.FromResult(new ActionProposal(
            title,
            [new ActionChange($"threshold for {detector}", Number(own), $"global ({Number(c.GlobalThreshold)})")],
            (reason, _) => new ClearThreshold(detector) { Reason = reason, ExpectedEpoch = now.Epoch },
            whatIf.Sentence));
    }
}
