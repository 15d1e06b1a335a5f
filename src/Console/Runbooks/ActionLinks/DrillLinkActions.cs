using System.Globalization;
using Mapper.Console.Drills;
using Mapper.Console.Identity;

namespace Mapper.Console.Runbooks.ActionLinks;

/// <summary><c>start-drill?kind=schema-invalid</c>: the duration defaults to long enough for the kind's alert to fire.</summary>
public sealed class StartDrillLinkAction(DrillControl drills, DrillOptions options) : RunbookAction("start-drill", ConsoleRole.Admin)
{
    public override Task<IReadOnlyList<ActionField>> FieldsAsync(IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken)
    {
        var kind = args.GetValueOrDefault("kind") ?? DrillKinds.SchemaInvalid;
        var minutes = args.GetValueOrDefault("minutes") ?? Math.Min(FiringMinutes(kind), options.MaxMinutes).ToString(CultureInfo.InvariantCulture);
        return Task.FromResult<IReadOnlyList<ActionField>>(
        [
            new ActionField("kind", "Drill", FieldKind.Choice, kind, [.. DrillKinds.All.Select(k => new FieldChoice(k, k))]),
            new ActionField("minutes", "For (minutes)", FieldKind.Number, minutes, [], 1, options.MaxMinutes, 1),
        ]);
    }

    public override Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var kind = Text(values, "kind") ?? "";
        var title = $"Start a {kind} drill";
        if (!DrillKinds.All.Contains(kind))
        {
            return Task.FromResult(ActionProposal.Cannot("Start a drill", $"drill: '{kind}' is not one of {string.Join(", ", DrillKinds.All)}"));
        }

        if (!TryNumber(values, "minutes", out var minutes) || minutes < 1 || minutes > options.MaxMinutes)
        {
            return Task.FromResult(ActionProposal.Cannot(title, $"for: minutes within [1, {options.MaxMinutes}]"));
        }

        if (drills.Current is { } running)
        {
            return Task.FromResult(ActionProposal.Cannot(title, $"a {running.Kind} drill runs until {Utc(running.Until)} (started by {running.StartedBy}); stop it first"));
        }

        var hint = $"{DrillKinds.Describe(kind)}. A real fault on real traffic: clients see it until it ends. Alert to expect after about {FiringMinutes(kind)} minutes.";
        return Task.FromResult(new ActionProposal(
            title,
            [new ActionChange("drill", "none", $"{kind} for {Number(minutes)} min")],
            (reason, _) => new StartDrill(kind, TimeSpan.FromMinutes(minutes)) { Reason = reason },
            hint));
    }

    /// <summary>The alert's <c>for</c> plus the 5-minute window (drills.md): long enough to watch it fire.</summary>
    public static int FiringMinutes(string kind) => kind switch
    {
        DrillKinds.Latency => 20,
        DrillKinds.Http5xx => 10,
        _ => 15,
    };
}

/// <summary><c>stop-drill</c>: end the running drill now.</summary>
public sealed class StopDrillLinkAction(DrillControl drills) : RunbookAction("stop-drill", ConsoleRole.Admin)
{
    public override Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        const string title = "Stop the drill";
        if (drills.Current is not { } running)
        {
            return Task.FromResult(ActionProposal.Cannot(title, "no drill is running"));
        }

        return Task.FromResult(new ActionProposal(
            title,
            [new ActionChange("drill", $"{running.Kind} until {Utc(running.Until)} (started by {running.StartedBy})", "none")],
            (reason, _) => new StopDrill { Reason = reason },
            "The engine runs without faults from the next request on."));
    }
}
