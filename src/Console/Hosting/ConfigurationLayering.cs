using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace Mapper.Console.Hosting;

/// <summary>
/// Puts the repository's appsettings.json (copied beside the program) under every other source, so
/// appsettings.{Environment}.json, environment variables and the command line override it, and maps
/// <c>MAPPER_DATA_DIR</c> onto <c>Mapper:DataDirectory</c> and <c>MAPPER_ADMIN_PASSWORD</c> onto
/// <c>Security:InitialAdminPassword</c>, just below the environment variables.
/// </summary>
public static class ConfigurationLayering
{
    public const string DataDirectoryVariable = "MAPPER_DATA_DIR";
    public const string AdminPasswordVariable = "MAPPER_ADMIN_PASSWORD";

    public static ConfigurationManager AddRepositorySettings(this ConfigurationManager configuration)
    {
        var sources = configuration.Sources;

        // The host's own "appsettings.json" source reads the same file when the content root is the repository root.
        var plain = sources.OfType<JsonConfigurationSource>().Where(s => s.Path == "appsettings.json").ToList();
        foreach (var source in plain)
        {
            sources.Remove(source);
        }

        var root = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Optional = false };
        root.ResolveFileProvider();
        sources.Insert(0, root);

        // The two MAPPER_* variables sit just below Section__Key variables, so those and the command line still win.
        var shortcuts = new List<KeyValuePair<string, string?>>();
        if (Environment.GetEnvironmentVariable(DataDirectoryVariable) is { Length: > 0 } dataDirectory && !string.IsNullOrWhiteSpace(dataDirectory))
        {
            shortcuts.Add(new("Mapper:DataDirectory", dataDirectory));
        }

        if (Environment.GetEnvironmentVariable(AdminPasswordVariable) is { Length: > 0 } password)
        {
            shortcuts.Add(new("Security:InitialAdminPassword", password));
        }

        if (shortcuts.Count > 0)
        {
            var variables = sources.Select((s, i) => (s, i)).FirstOrDefault(p => p.s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
            var at = variables.s is null ? sources.Count : variables.i;
            sources.Insert(at, new MemoryConfigurationSource { InitialData = shortcuts });
        }

        return configuration;
    }
}
