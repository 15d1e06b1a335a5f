using Mapper.Cli.Commands;
using Mapper.Engine.Data;
using Mapper.Engine.Quality;

namespace Mapper.Cli;

/// <summary>Where a command writes, and its cancellation.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Err, CancellationToken CancellationToken);

/// <summary>
/// One verb of the tool. <see cref="Path"/> is the verb words (<c>quality validate</c>); new verbs
/// (<c>adapters train</c>, <c>bench engine</c>) are one more entry in <see cref="CliApp.Commands"/>.
/// </summary>
public sealed record CliCommand(
    string[] Path,
    string Usage,
    IReadOnlyCollection<string> Options,
    IReadOnlyCollection<string> Switches,
    Func<CommandLine, CliContext, Task<int>> RunAsync);

/// <summary>The <c>mapper</c> tool: finds the verb, parses its flags, runs it and returns the exit code.</summary>
public static class CliApp
{
    public static IReadOnlyList<CliCommand> Commands { get; } =
    [
        QualityValidateCommand.Definition,
        ValidateConfigCommand.Definition,
        VersionsShowCommand.Definition,
        AdaptersTrainCommand.Definition,
        AdaptersListCommand.Definition,
        AdaptersEvaluateCommand.Definition,
        AdaptersActivateCommand.Activate,
        AdaptersActivateCommand.Rollback,
        BenchEngineCommand.Definition,
        BenchHttpCommand.Definition,
        BenchFuzzCommand.Definition,
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
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
            var line = CommandLine.Parse(rest, command.Options, command.Switches);
            return await command.RunAsync(line, new CliContext(output, error, cancellationToken));
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
        "\n\nexit codes: 0 ok, 1 check failed (gate or configuration), 2 bad input (verb, flag, file)";
}
