using Mapper.Cli.Remote;

namespace Mapper.Cli.Commands;

/// <summary>The verbs that talk to a running console through its admin API (<c>/api/v1</c>).</summary>
public static class RemoteCommands
{
    public const string CommonUsage = " [--url URL] [--format text|json]";

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        LoginCommand.Definition,
        LogoutCommand.Definition,
        .. RuntimeCommands.All,
        .. ThresholdsCommands.All,
        .. AdapterRemoteCommands.All,
        .. AuditCommands.All,
        AuditExportCommand.Definition,
        .. UsersCommands.All,
        .. DrillsCommands.All,
        .. AlertsCommands.Remote,
        .. IncidentsCommands.All,
    ];

    /// <summary>A remote verb: it also takes <c>--url</c> and <c>--format</c>, and a refusal becomes the exit code it means.</summary>
    public static CliCommand Define(
        string[] path, string usage, string[] options, string[] switches, Func<RemoteCall, Task<int>> run, string[]? arguments = null, string[]? formats = null) =>
        new(path, WithCommonFlags(usage, formats is null ? CommonUsage : " [--url URL]"), [.. options, "--url", "--format"], switches,
            (line, context) => new RemoteCall(string.Join(' ', path), line, context, formats).RunAsync(run))
        {
            Arguments = arguments ?? [],
        };

    /// <summary>The common flags go after the verb's own, before its note in parentheses.</summary>
    private static string WithCommonFlags(string usage, string common)
    {
        var note = usage.IndexOf("   (", StringComparison.Ordinal);
        return note < 0 ? usage + common : usage[..note] + common + usage[note..];
    }
}
