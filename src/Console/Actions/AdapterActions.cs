using Mapper.Console.Playground;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;
using Mapper.Engine.Quality;

namespace Mapper.Console.Actions;

/// <summary>
/// Adapter activation and rollback: gate the candidate off the request path (the live one keeps serving),
/// record the new revision with the audit row, and only then swap it in. A refused adapter is audited with
/// the gate's verdict. The gate's smoke set is every rule row plus every saved regression case, read in the
/// executor's transaction (a case saved a moment ago counts). Start-up's choice comes in as
/// <see cref="BootstrapAdapter"/>, by the system only.
/// </summary>
public sealed class AdapterActions(AdapterRegistry registry, ModelOptions options, AuditQueries audit, RegistryExportWriter export) : IActionHandler
{
    public bool Handles(OperatorCommand command) => command is ActivateAdapter or RollbackAdapter or BootstrapAdapter;

    public async Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope)
    {
        switch (command)
        {
            case ActivateAdapter a:
                var cases = await RegressionCases.SmokeSetAsync(scope.Db, scope.CancellationToken);
                return Plan(scope, Open(a.AdapterId ?? options.AdapterId, a.Version, cases), AdapterRevision.KindActivate, command.Reason, cases.Count);
            case RollbackAdapter r:
                var active = scope.Live.Controls.ActiveAdapter ?? throw ActionRefusedException.Invalid("nothing to roll back: no adapter was ever active");
                var id = active[..active.LastIndexOf('@')];
                var target = id + "@" + r.Version;
                var served = await audit.AdapterHistoryAsync(scope.CancellationToken);
                if (!served.Any(s => s.Adapter == target))
                {
                    throw ActionRefusedException.Invalid($"version: {target} never served; a rollback returns to an earlier version (activate a new one instead)");
                }

                // A rollback is a change like any other: the version it returns to must keep today's cases too.
                var smoke = await RegressionCases.SmokeSetAsync(scope.Db, scope.CancellationToken);
                return Plan(scope, Open(id, r.Version, smoke), AdapterRevision.KindRollback, command.Reason, smoke.Count);
            case BootstrapAdapter b:
                if (!scope.Actor.Actor.IsSystem)
                {
                    throw new ActionRefusedException(ActionStatus.Denied, "start-up activation is the system's alone");
                }

                // Gated by the bootstrapper without the regression cases, on purpose: start-up brings back what served
                // (or the nearest that can serve), and must not leave the console on the rules, or train a fresh baseline,
                // because a case was saved after that adapter went live. The cases judge the next activation, made by a person.
                return Plan(scope, b.Choice.Gated, b.Kind, command.Reason, regressionCases: null);
            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }
    }

    private GatedAdapter Open(string id, string version, IReadOnlyList<GoldenCase> regressionCases)
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
            return registry.Open(id, version, regressionCases);
        }
        catch (AdapterRejectedException e)
        {
            throw new ActionRefusedException(ActionStatus.Refused, $"{e.Message} {registry.ActiveModel ?? "The rules"} keep serving.", e.Message);
        }
    }

    private ActionPlan Plan(ActionScope scope, GatedAdapter gated, string kind, string? reason, int? regressionCases)
    {
        var cases = regressionCases switch
        {
            null => "regression cases not run at start-up",
            0 => "no regression cases saved",
            var n => $"{n} regression cases {gated.RegressionPassRate:P1}",
        };
        var live = scope.Live;
        var revision = live.Controls.AdapterRevision + 1;
        var name = gated.Manifest.Name;
        var next = live with { Controls = live.Controls with { ActiveAdapter = name, AdapterRevision = revision } };
        return new ActionPlan(live.Controls.ActiveAdapter ?? "none", name)
        {
            NextLive = next,
            Detail = $"{kind} as revision {revision}; gate passed: rule rows {gated.RulePassRate:P1}, {cases}",
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
