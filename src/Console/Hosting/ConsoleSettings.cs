using Mapper.Console.Api;
using Mapper.Console.Drills;
using Mapper.Console.Identity;
using Mapper.Console.Incidents;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Engine;
using Mapper.Engine.Model;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Hosting;

/// <summary>The bound and validated configuration sections the console starts from.</summary>
public sealed record ConsoleSettings(EngineOptions Engine, ApiOptions Api, SloOptions Slo, ModelSettings Model, SecurityOptions Security, DrillOptions Drills, AlertOptions Alerts, EscalationOptions Escalation)
{
    /// <summary>Binds every section and validates it; throws <see cref="InvalidConfigurationException"/> listing every problem.</summary>
    public static ConsoleSettings Load(IConfiguration configuration)
    {
        var problems = new List<string>();
        var engine = Bind<EngineOptions>(configuration, EngineOptions.Section, problems);
        var api = Bind<ApiOptions>(configuration, ApiOptions.Section, problems);
        var slo = Bind<SloOptions>(configuration, SloOptions.Section, problems);
        var model = Bind<ModelSettings>(configuration, ModelSettings.Section, problems);
        var security = Bind<SecurityOptions>(configuration, SecurityOptions.Section, problems);
        var drills = Bind<DrillOptions>(configuration, DrillOptions.Section, problems);
        var alerts = AlertOptions.Load(configuration, problems);
        var escalation = Bind<EscalationOptions>(configuration, EscalationOptions.Section, problems);
        problems.AddRange(engine.Validate());
        problems.AddRange(api.Validate());
        problems.AddRange(slo.Validate());
        problems.AddRange(model.Validate());
        problems.AddRange(security.Validate());
        problems.AddRange(drills.Validate());
        problems.AddRange(alerts.Validate(AlertCatalog.Names));
        problems.AddRange(escalation.Validate());
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems);
        }

        // Relative to where the console was started, like any path given on a command line.
        engine.DataDirectory = Path.GetFullPath(engine.DataDirectory);
        try
        {
            Directory.CreateDirectory(engine.DataDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidConfigurationException([$"{EngineOptions.Section}:DataDirectory '{engine.DataDirectory}' cannot be created: {e.Message}"]);
        }

        return new ConsoleSettings(engine, api, slo, model, security, drills, alerts, escalation);
    }

    private static T Bind<T>(IConfiguration configuration, string section, List<string> problems)
        where T : new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // The binder names the setting: "Failed to convert configuration value at 'Mapper:ConfidenceThreshold' ...".
            problems.Add(e.Message);
        }

        return options;
    }
}

/// <summary>The configuration cannot be used; the message lists every problem and the setting to fix.</summary>
public sealed class InvalidConfigurationException(IReadOnlyList<string> problems)
    : Exception("Invalid configuration:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
