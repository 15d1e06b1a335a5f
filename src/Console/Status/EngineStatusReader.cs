using Mapper.Console.Api;
using Mapper.Engine;
using Mapper.Engine.Controls;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Status;

/// <summary>What the home page shows: the controls in force, what serves, the data, and the SLIs from the one window.</summary>
public sealed record EngineStatusView(
    string Mode,
    double Threshold,
    int DetectorOverrides,
    string Model,
    string HealthStatus,
    string HealthMessage,
    RulesHealth Rules,
    SliSnapshot Slis,
    SloTargets Targets);

public sealed class EngineStatusReader(RuntimeControlsStore controls, HealthProbe health, MapperTelemetry telemetry, SloOptions slo, EngineOptions engine)
{
    public EngineStatusView Read()
    {
        var current = controls.Current;
        var report = health.Check();
        var model = current.Mode == MappingMode.RulesOnly ? "rules (kill switch)" : report.Model.ActiveModel == MapperTelemetry.NoModel ? "rules" : report.Model.ActiveModel;
        return new EngineStatusView(
            EngineOptions.ModeName(current.Mode),
            current.GlobalThreshold,
            current.DetectorThresholds.Count,
            model,
            report.Status,
            report.Message,
            report.Rules,
            telemetry.Snapshot(),
            SloTargets.From(slo, engine.Profile));
    }
}
