namespace Mapper.Console.Runbooks;

/// <summary>
/// The <c>Runbooks</c> section. <see cref="Directory"/> (default <c>runbooks</c>) is read relative to the content
/// root (where the console was started: the repository root under <c>dotnet run</c>); when it is not there, the
/// copy the build puts beside the program is used, so a published console finds its runbooks wherever it starts.
/// </summary>
public sealed class RunbookOptions
{
    public const string Section = "Runbooks";

    public string Directory { get; set; } = "runbooks";

    /// <summary>How long the folder must be quiet before a change is read (an editor writes a file in several steps).</summary>
    public int ReloadDelayMs { get; set; } = 250;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory))
        {
            problems.Add($"{Section}:Directory must name the folder of the runbooks (default 'runbooks')");
        }

        if (ReloadDelayMs is < 10 or > 60_000)
        {
            problems.Add($"{Section}:ReloadDelayMs must be within [10, 60000], not {ReloadDelayMs}");
        }

        return problems;
    }

    /// <summary>The folder to read: absolute as given; relative under the content root, else beside the program.</summary>
    public string Resolve(string contentRoot)
    {
        if (Path.IsPathRooted(Directory))
        {
            return Path.GetFullPath(Directory);
        }

        var underRoot = Path.GetFullPath(Path.Combine(contentRoot, Directory));
        var besideProgram = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, Directory));
        return System.IO.Directory.Exists(underRoot) || !System.IO.Directory.Exists(besideProgram) ? underRoot : besideProgram;
    }
}
