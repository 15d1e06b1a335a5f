using Mapper.Cli.Commands;
using Mapper.Cli.Remote;
using Mapper.Engine.Data;
using Mapper.Engine.Quality;

namespace Mapper.Cli;

/// <summary>
/// One verb of the tool. <see cref="Path"/> is the verb words (<c>quality validate</c>); new verbs
/// (<c>adapters train</c>, <c>bench engine</c>) are one more entry in <see cref="CliApp.Commands"/>.
/// </summary>
public sealed record CliCommand(
    string[] Path,
    string Usage,
    IReadOnlyCollection<string> Options,
    IReadOnlyCollection<string> Switches,
    Func<CommandLine, CliContext, Task<int>> RunAsync)
{
    /// <summary>Positional arguments by their usage names, in order (<c>users add NAME</c>); most verbs take none.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}

/// <summary>The <c>mapper</c> tool: finds the verb, parses its flags, runs it and returns the exit code.</summary>
public static class CliApp
{
    public static IReadOnlyList<CliCommand> Commands { get; } =
    [
        QualityValidateCommand.Definition,
        ValidateConfigCommand.Definition,
        VersionsShowCommand.Definition,
        AdaptersTrainCommand.Definition,
        AdaptersEvaluateCommand.Definition,
        BenchEngineCommand.Definition,
        AlertsCommands.ExportRules,
        BenchHttpCommand.Definition,
        BenchFuzzCommand.Definition,
        BenchExecutorCommand.Definition,
        .. RemoteCommands.All,
    ];

    /// <summary>Offline use (no stdin, network handler, config directory or environment): what the offline tests need.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliContext(output, error, cancellationToken));

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var (output, error) = (context.Out, context.Err);
        if (args is ["--help"] or ["-h"] or ["help"])
        {
            await output.WriteLineAsync(Usage());
            return ExitCodes.Ok;
        }

        var command = Commands.Where(c => c.Path.Length <= args.Length && c.Path.SequenceEqual(args.Take(c.Path.Length), StringComparer.Ordinal))
            .MaxBy(c => c.Path.Length);
        if (command is null)
        {
            var verb = args.Length == 0 ? "no verb given" : $"unknown verb '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'";
            await error.WriteLineAsync($"mapper: {verb}\n\n{Usage()}");
            return ExitCodes.BadInput;
        }

        var rest = args.Skip(command.Path.Length).ToList();
        if (rest is ["--help"] or ["-h"])
        {
            await output.WriteLineAsync("usage: " + command.Usage);
            return ExitCodes.Ok;
        }

        try
        {
            var line = CommandLine.Parse(rest, command.Options, command.Switches, command.Arguments);
            return await command.RunAsync(line, context);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"mapper {string.Join(' ', command.Path)}: {e.Message}\nusage: {command.Usage}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is GoldenCaseFormatException or MappingDataException or InputFileException)
        {
            await error.WriteLineAsync($"mapper {string.Join(' ', command.Path)}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (CheckFailedException e)
        {
            await error.WriteLineAsync($"mapper {string.Join(' ', command.Path)}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    public static string Usage() =>
        "usage: mapper <verb> [flags]\n\nverbs:\n" + string.Join('\n', Commands.Select(c => "  " + c.Usage)) +
        "\n\nremote verbs talk to a running console: --url URL (else MAPPER_URL, else " + RemoteCall.DefaultUrl + "),\n" +
        "token from MAPPER_TOKEN, else the one `mapper login` saved for that URL\n" +
        "\nexit codes: 0 ok, 1 check failed or refused (gate, configuration, 401/403/409/503), 2 bad input (verb, flag, file, 422),\n" +
        "3 console unreachable (connection refused, DNS, timeout)";
}
