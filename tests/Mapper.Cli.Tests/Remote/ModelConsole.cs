namespace Mapper.Cli.Tests.Remote;

/// <summary>
/// A console with the model path on, whose adapter store starts with copies of the two small adapters the CLI tests
/// train once (1.0.0 and 1.0.1): start-up activates the newest, so nothing is trained per console.
/// </summary>
public sealed class ModelConsole : InMemoryConsole, IAsyncLifetime
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Model:Enabled"] = "true",
        // Should start-up ever train (it should not: the store has adapters), the small recipe keeps it to seconds.
        ["Model:BaselineTraining:Buckets"] = "16384",
        ["Model:BaselineTraining:Dim"] = "16",
        ["Model:BaselineTraining:Epochs"] = "6",
    };

    public async ValueTask InitializeAsync()
    {
        using var trained = await CliWorkspace.WithTrainedAdaptersAsync();
        foreach (var file in Directory.GetFiles(trained.Store, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(DataDirectory, "adapters", Path.GetRelativePath(trained.Store, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // Start the host now that the store is in place, and wait for start-up to make an adapter live (off the request path).
        var admin = await AdminAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await GetAsync("/api/v1/adapters", admin))["active"] is null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("no adapter became active within 60 s: " + (await GetAsync("/api/v1/adapters", admin)).ToJsonString());
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
