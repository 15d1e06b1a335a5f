using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Adapters;

namespace Mapper.Console.Runbooks.ActionLinks;

/// <summary>
/// <c>rollback-adapter</c>: back to a version of the active line that served before (from the audit log's activation
/// history). The adapter services exist only while the model path is on, so they are looked up, not required.
/// </summary>
public sealed class RollbackAdapterLinkAction(LiveRecord live, AuditQueries audit, IServiceProvider services) : RunbookAction("rollback-adapter", ConsoleRole.Admin)
{
    public override async Task<IReadOnlyList<ActionField>> FieldsAsync(IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken)
    {
        var active = live.Current.Controls.ActiveAdapter;
        if (active is null || services.GetService<ModelOptions>() is null)
        {
            return [];
        }

        var line = active[..(active.LastIndexOf('@') + 1)];
        var served = await audit.AdapterHistoryAsync(cancellationToken);
        var choices = served.Where(s => s.Adapter.StartsWith(line, StringComparison.Ordinal) && s.Adapter != active)
            .Reverse()
            .DistinctBy(s => s.Adapter)
            .Select(s => new FieldChoice(s.Adapter[line.Length..], $"{s.Adapter} (revision {s.Revision}, {s.Kind} by {s.Actor}, served until {(s.DeactivatedAt is { } until ? Utc(until) : "now")})", s.ActivatedAt))
            .ToList();
        return [new ActionField("version", "Roll back to", FieldKind.Choice, args.GetValueOrDefault("version") ?? choices.FirstOrDefault()?.Value ?? "", choices)];
    }

    public override Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        const string title = "Roll back the adapter";
        var now = live.Current;
        var active = now.Controls.ActiveAdapter;
        if (services.GetService<ModelOptions>() is null)
        {
            return Task.FromResult(ActionProposal.Cannot(title, "the model path is off (Model:Enabled=false): there is no adapter to roll back"));
        }

        if (active is null)
        {
            return Task.FromResult(ActionProposal.Cannot(title, "no adapter has been active: nothing to roll back (activate one instead)"));
        }

        if (Text(values, "version") is not { } version)
        {
            return Task.FromResult(ActionProposal.Cannot(title, $"no earlier version of {active[..active.LastIndexOf('@')]} served: nothing to roll back to"));
        }

        var target = active[..(active.LastIndexOf('@') + 1)] + version;
        return Task.FromResult(new ActionProposal(
            $"Roll back the adapter to {target}",
            [new ActionChange("adapter", active, target)],
            (reason, _) => new RollbackAdapter(version) { Reason = reason, ExpectedEpoch = now.Epoch },
            "The target passes the activation gate first (rule rows, regression cases); if it is refused, nothing changes and the reason is shown."));
    }
}

/// <summary><c>activate-adapter</c>: make a stored version of the configured line active (roll forward).</summary>
public sealed class ActivateAdapterLinkAction(LiveRecord live, IServiceProvider services) : RunbookAction("activate-adapter", ConsoleRole.Admin)
{
    public override Task<IReadOnlyList<ActionField>> FieldsAsync(IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken)
    {
        if (services.GetService<AdapterStore>() is not { } store || services.GetService<ModelOptions>() is not { } options)
        {
            return Task.FromResult<IReadOnlyList<ActionField>>([]);
        }

        var active = live.Current.Controls.ActiveAdapter;
        var choices = store.List(options.AdapterId).Where(m => m.Name != active).Reverse()
            .Select(m => new FieldChoice(m.Version, $"{m.Name} (rule rows {m.Metrics.RuleRowAccuracy:P1}, calibration error {m.Metrics.ExpectedCalibrationError:0.000}, created {Utc(m.Created)})", m.Created))
            .ToList();
        return Task.FromResult<IReadOnlyList<ActionField>>([new ActionField("version", "Activate", FieldKind.Choice, args.GetValueOrDefault("version") ?? choices.FirstOrDefault()?.Value ?? "", choices)]);
    }

    public override Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        const string title = "Activate an adapter";
        if (services.GetService<ModelOptions>() is not { } options)
        {
            return Task.FromResult(ActionProposal.Cannot(title, "the model path is off (Model:Enabled=false): there is no adapter to activate"));
        }

        if (Text(values, "version") is not { } version)
        {
            return Task.FromResult(ActionProposal.Cannot(title, $"no stored version of {options.AdapterId} other than the active one"));
        }

        var now = live.Current;
        var target = options.AdapterId + "@" + version;
        return Task.FromResult(new ActionProposal(
            $"Activate {target}",
            [new ActionChange("adapter", now.Controls.ActiveAdapter ?? "none", target)],
            (reason, _) => new ActivateAdapter(null, version) { Reason = reason, ExpectedEpoch = now.Epoch },
            "The version passes the activation gate first (rule rows, regression cases); if it is refused, nothing changes and the reason is shown."));
    }
}
