using Mapper.Cli.Remote;

namespace Mapper.Cli.Tests.Remote;

/// <summary>
/// One person's CLI: a config directory of its own (where <c>mapper login</c> saves the token), an environment of its
/// own (<c>MAPPER_URL</c> preset), stdin as given, and the network handler given (null: the real network).
/// </summary>
public sealed class CliSession(HttpMessageHandler? handler, string configDirectory, string? url)
{
    public string ConfigDirectory { get; } = configDirectory;

    public string TokenFilePath => Path.Combine(ConfigDirectory, TokenFile.FileName);

    /// <summary>The token login saved for the console (tests use it to read the API directly, or to pass as MAPPER_TOKEN).</summary>
    public string Token => new TokenFile(ConfigDirectory).Find(new Uri(url!))?.Token ?? throw new InvalidOperationException("not logged in");

    public async Task<CliRun> RunAsync(string[] args, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        if (url is not null)
        {
            variables.TryAdd(RemoteCall.UrlVariable, url);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin ?? "");
        var context = new CliContext(output, error, TestContext.Current.CancellationToken)
        {
            In = input,
            Handler = handler,
            ConfigDirectory = ConfigDirectory,
            Environment = name => variables.GetValueOrDefault(name),
        };
        var code = await CliApp.RunAsync(args, context);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
