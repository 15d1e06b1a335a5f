namespace Mapper.Cli.Tests;

/// <summary>
/// A temp folder with an appsettings.json whose data directory (and so adapter store) lives inside it,
/// and a small, fast training configuration: tests never write into the repository.
/// </summary>
public sealed class CliWorkspace : IDisposable
{
    /// <summary>Small hyper-parameters: these tests check the CLI, not the baseline's quality.</summary>
    public const string SmallTraining = """
        {"Buckets": 16384, "Dim": 16, "Epochs": 6, "Seed": 7,
         "Data": {"VariantsPerRule": 4, "VariantsPerAlias": 1, "NegationsPerDetector": 8, "JunkRows": 100}}
        """;

    // Two adapters (1.0.0 seed 7, 1.0.1 seed 8) trained once per test run through the CLI, copied per test.
    private static readonly Lazy<Task<CliWorkspace>> Template = new(async () =>
    {
        var template = new CliWorkspace();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        await template.RunOrThrowAsync("adapters", "train");
        await template.RunOrThrowAsync("adapters", "train", "--seed", "8");
        return template;
    });

    public CliWorkspace(string training = SmallTraining)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("mapper-cli-tests-").FullName;
        Config = Path.Combine(Directory, "appsettings.json");
        var data = Path.Combine(Directory, "data").Replace("\\", "\\\\", StringComparison.Ordinal);
        File.WriteAllText(Config, $$$"""{"Mapper": {"DataDirectory": "{{{data}}}"}, "Model": {"BaselineTraining": {{{training}}} } }""");
    }

    public string Directory { get; }

    public string Config { get; }

    public string Store => Path.Combine(Directory, "data", "adapters");

    public string AdapterFolder(string version) => Path.Combine(Store, "mapper-baseline", version);

    /// <summary>A fresh workspace whose store holds copies of the shared trained adapters 1.0.0 and 1.0.1 (none active).</summary>
    public static async Task<CliWorkspace> WithTrainedAdaptersAsync()
    {
        var template = await Template.Value;
        var workspace = new CliWorkspace();
        foreach (var file in System.IO.Directory.GetFiles(template.Store, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(workspace.Store, Path.GetRelativePath(template.Store, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return workspace;
    }

    public Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync([.. args, "--config", Config]);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private async Task RunOrThrowAsync(params string[] args)
    {
        var run = await RunAsync(args);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"mapper {string.Join(' ', args)} exited {run.ExitCode}: {run.Err}");
        }
    }
}
