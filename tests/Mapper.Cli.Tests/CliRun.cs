using Mapper.Engine.Data;

namespace Mapper.Cli.Tests;

/// <summary>Runs the tool's entry point in-process and captures what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static string Golden(string set) => Path.Combine(MappingDataLoader.BundledDirectory, "golden", set);

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>A file in a fresh temp folder, deleted by the caller's <c>using</c>.</summary>
    public static TempFile Write(string name, string content) => new(name, content);
}

public sealed class TempFile : IDisposable
{
    public TempFile(string name, string content)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("mapper-cli-tests-").FullName;
        Path = System.IO.Path.Combine(Directory, name);
        File.WriteAllText(Path, content);
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
