using Mapper.Engine.Model;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;

namespace Mapper.Console.Actions;

/// <summary>
/// Adapter activation and rollback: gate the candidate off the request path (the live one keeps serving),
/// record the new revision with the audit row, and only then swap it in. A refused adapter is audited with
/// the gate's verdict. Start-up's choice comes in as <see cref="BootstrapAdapter"/>, by the system only.
/// </summary>
public sealed class AdapterActions(AdapterRegistry registry, ModelOptions options, AuditQueries audit, RegistryExportWriter export) : IActionHandler
{
    public bool Handles(OperatorCommand command) => command is ActivateAdapter or RollbackAdapter or BootstrapAdapter;

    public async Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope)
    {
        switch (command)
        {
            case ActivateAdapter a:
                return Plan(scope, Open(a.AdapterId ?? options.AdapterId, a.Version), AdapterRevision.KindActivate, command.Reason);
            case RollbackAdapter r:
                var active = scope.Live.Controls.ActiveAdapter ?? throw ActionRefusedException.Invalid("nothing to roll back: no adapter was ever active");
                var id = active[..active.LastIndexOf('@')];
                var target = id + "@" + r.Version;
                var served = await audit.AdapterHistoryAsync(scope.CancellationToken);
                if (!served.Any(s => s.Adapter == target))
                {
                    throw ActionRefusedException.Invalid($"version: {target} never served; a rollback returns to an earlier version (activate a new one instead)");
                }

                return Plan(scope, Open(id, r.Version), AdapterRevision.KindRollback, command.Reason);
            case BootstrapAdapter b:
                if (!scope.Actor.Actor.IsSystem)
                {
                    throw new ActionRefusedException(ActionStatus.Denied, "start-up activation is the system's alone");
                }

                return Plan(scope, b.Choice.Gated, b.Kind, command.Reason);
            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }
    }

    private GatedAdapter Open(string id, string version)
    {
        if (!AdapterVersion.IsValidId(id) || !AdapterVersion.IsValid(version))
        {
            throw ActionRefusedException.Invalid($"version: '{id}@{version}' is not an adapter id and MAJOR.MINOR.PATCH version");
        }

        if (registry.ActiveModel == id + "@" + version)
        {
            throw ActionRefusedException.Invalid($"version: {id}@{version} is already active");
        }

        try
        {
            return registry.Open(id, version);
        }
        catch (AdapterRejectedException e)
        {
            throw new ActionRefusedException(ActionStatus.Refused, $"{e.Message} {registry.ActiveModel ?? "The rules"} keep serving.", e.Message);
        }
    }

    private ActionPlan Plan(ActionScope scope, GatedAdapter gated, string kind, string? reason)
    {
        var live = scope.Live;
        var revision = live.Controls.AdapterRevision + 1;
        var name = gated.Manifest.Name;
        var next = live with { Controls = live.Controls with { ActiveAdapter = name, AdapterRevision = revision } };
        return new ActionPlan(live.Controls.ActiveAdapter ?? "none", name)
        {
            NextLive = next,
            Detail = $"{kind} as revision {revision}; gate passed: rule rows {gated.RulePassRate:P1}, regression cases {gated.RegressionPassRate:P1}",
            Message = $"{name} is active as revision {revision} ({kind})",
            AfterCommit = async () =>
            {
                registry.Publish(gated, revision, kind, reason, scope.Actor.Actor.Name, scope.Now);
                await export.WriteAsync(CancellationToken.None);
            },
            Abort = gated.Discard,
        };
    }
}

/// <summary>What start-up chose to serve (gated already), recorded as a new revision by the system.</summary>
public sealed record BootstrapAdapter(BootstrapChoice Choice, string Kind) : OperatorCommand
{
    /// <summary><c>adapters.bootstrap</c> (nothing served before) or <c>adapters.recovery</c> (what served was refused).</summary>
    public override string Action => "adapters." + Kind;

    public override Identity.ConsoleRole RequiredRole => Identity.ConsoleRole.Admin;

    public override string Target => LiveRecord.AdapterSetting;
}
