using System.Globalization;

namespace Mapper.Console.Tests.Support;

/// <summary>
/// A small baseline, so a console trains its first adapter in about a second: these tests check the console, not the
/// model's quality. As settings for an in-memory console, or as environment variables for a real process.
/// </summary>
public static class SmallModel
{
    /// <param name="dataDirectory">Where the console keeps its store, when the test needs it to outlive one console.</param>
    /// <param name="epochs">Above 6 makes a later training run long enough to watch.</param>
    public static Dictionary<string, string?> Settings(string? dataDirectory = null, int epochs = 6)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Model:Enabled"] = "true",
            ["Model:BaselineTraining:Buckets"] = "16384",
            ["Model:BaselineTraining:Dim"] = "16",
            ["Model:BaselineTraining:Epochs"] = epochs.ToString(CultureInfo.InvariantCulture),
            ["Model:BaselineTraining:Seed"] = "7",
            ["Model:BaselineTraining:Data:VariantsPerRule"] = "4",
            ["Model:BaselineTraining:Data:VariantsPerAlias"] = "1",
            ["Model:BaselineTraining:Data:NegationsPerDetector"] = "8",
            ["Model:BaselineTraining:Data:JunkRows"] = "100",
        };
        if (dataDirectory is not null)
        {
            settings["Mapper:DataDirectory"] = dataDirectory;
        }

        return settings;
    }

    /// <summary>The same settings as a process's environment (<c>Model__BaselineTraining__Dim</c>...).</summary>
    public static Dictionary<string, string> Environment() =>
        Settings().ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value!);
}
