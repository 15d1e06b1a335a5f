using System.Reflection;
using Mapper.Engine;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Adapters;
using Microsoft.Extensions.Configuration;

namespace Mapper.Cli;

/// <summary>Options as the service would see them, and every problem found on the way.</summary>
public sealed record LoadedOptions(EngineOptions Options, IConfiguration Configuration, string Source, IReadOnlyList<string> Problems)
{
    /// <summary>The model path's settings (<c>Mapper:Model</c>), store at <c>&lt;DataDirectory&gt;/adapters</c>.</summary>
    public ModelOptions Model { get; init; } = new();
}

/// <summary>
/// Reads the engine options with the service's layering: <c>appsettings.json</c>, then environment
/// variables (<c>Mapper__Mode=rules_only</c>). Each setting binds on its own so one bad value does not hide the next.
/// </summary>
public static class CliConfiguration
{
    public const string DefaultFile = "appsettings.json";

    /// <summary>Optional model settings: AdapterId, SmokePassBar, GoldenDirectory, BaselineTraining (the store path follows DataDirectory).</summary>
    public const string ModelSection = EngineOptions.Section + ":Model";

    public static LoadedOptions Load(string? explicitPath)
    {
        var problems = new List<string>();
        var path = Path.GetFullPath(explicitPath ?? DefaultFile);
        var exists = File.Exists(path);
        if (explicitPath is not null && !exists)
        {
            problems.Add($"config file '{explicitPath}' does not exist");
        }

        var source = exists ? path : "defaults (no appsettings.json found)";
        var builder = new ConfigurationBuilder();
        if (exists)
        {
            builder.AddJsonFile(path, optional: true, reloadOnChange: false);
        }

        IConfiguration configuration;
        try
        {
            configuration = builder.AddEnvironmentVariables().Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            problems.Add($"config file '{path}' is not valid JSON: {e.Message}");
            configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        }

        var options = new EngineOptions();
        var section = configuration.GetSection(EngineOptions.Section);
        var properties = typeof(EngineOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        foreach (var property in properties)
        {
            var child = section.GetSection(property.Name);
            if (!child.Exists())
            {
                continue;
            }

            try
            {
                if (child.Get(property.PropertyType) is { } value)
                {
                    property.SetValue(options, value);
                }
            }
            catch (InvalidOperationException)
            {
                // The binder's message can quote the value; name the setting and the type only.
                problems.Add($"{EngineOptions.Section}:{property.Name} must be a {Describe(property.PropertyType)}, not '{child.Value}'");
            }
        }

        var model = new ModelOptions();
        try
        {
            configuration.GetSection(ModelSection).Bind(model);
        }
        catch (InvalidOperationException)
        {
            problems.Add($"{ModelSection} holds a value of the wrong type (numbers for bars, epochs, buckets and seed)");
        }

        if (!AdapterVersion.IsValidId(model.AdapterId))
        {
            problems.Add($"{ModelSection}:AdapterId must be lower-case letters, digits and '-', not '{model.AdapterId}'");
        }

        if (model.SmokePassBar is < 0 or > 1 || model.RegressionPassBar is < 0 or > 1)
        {
            problems.Add($"{ModelSection}:SmokePassBar and RegressionPassBar must be within [0, 1]");
        }

        model.AdapterStorePath = ModelOptions.StorePathUnder(string.IsNullOrWhiteSpace(options.DataDirectory) ? "." : options.DataDirectory);
        return new LoadedOptions(options, configuration, source, problems) { Model = model };
    }

    private static string Describe(Type type) => type == typeof(double) ? "number" : type == typeof(int) ? "whole number"
        : type == typeof(string) ? "string" : "map of detector to number";
}
