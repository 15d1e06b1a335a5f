using System.Reflection;
using Mapper.Engine;
using Mapper.Engine.Model;
using Microsoft.Extensions.Configuration;

namespace Mapper.Cli;

/// <summary>Options as the service would see them, and every problem found on the way.</summary>
public sealed record LoadedOptions(EngineOptions Options, IConfiguration Configuration, string Source, IReadOnlyList<string> Problems)
{
    /// <summary>The model path's settings (the <c>Model</c> section, as the console reads it).</summary>
    public ModelOptions Model { get; init; } = new();
}

/// <summary>
/// Reads the engine options with the service's layering: <c>appsettings.json</c>, then environment
/// variables (<c>Mapper__Mode=rules_only</c>). Each setting binds on its own so one bad value does not hide the next.
/// </summary>
public static class CliConfiguration
{
    public const string DefaultFile = "appsettings.json";

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

        var settings = new ModelSettings();
        try
        {
            configuration.GetSection(ModelSettings.Section).Bind(settings);
        }
        catch (InvalidOperationException)
        {
            problems.Add($"{ModelSettings.Section} holds a value of the wrong type (a number for bars, capacity and threads)");
        }

        problems.AddRange(settings.Validate());
        var model = settings.ToModelOptions(string.IsNullOrWhiteSpace(options.DataDirectory) ? "." : options.DataDirectory);
        return new LoadedOptions(options, configuration, source, problems) { Model = model };
    }

    private static string Describe(Type type) => type == typeof(double) ? "number" : type == typeof(int) ? "whole number"
        : type == typeof(string) ? "string" : "map of detector to number";
}
