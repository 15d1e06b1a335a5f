namespace Mapper.Cli;

/// <summary>
/// What a command may touch outside itself: where it writes, its cancellation, and (for the remote verbs) stdin,
/// the network, the config directory and the environment. <c>Program.cs</c> wires the real ones; tests pass their
/// own, so no test reads the process environment, the user's config directory or the terminal.
/// </summary>
public sealed record CliContext(TextWriter Out, TextWriter Err, CancellationToken CancellationToken)
{
    /// <summary>Standard input: passwords come from here when it is redirected.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Prompts on the terminal without echo; null when stdin is not a terminal (then <see cref="In"/> is read).</summary>
    public Func<string, string?>? ReadSecret { get; init; }

    /// <summary>The HTTP handler for the console; null means a real network handler (tests pass the in-memory console's).</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Where <c>mapper login</c> keeps tokens (<c>$XDG_CONFIG_HOME/mapper</c>); null when there is none.</summary>
    public string? ConfigDirectory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Environment lookup (<c>MAPPER_URL</c>, <c>MAPPER_TOKEN</c>); empty by default.</summary>
    public Func<string, string?> Environment { get; init; } = _ => null;

    /// <summary><c>$XDG_CONFIG_HOME/mapper</c> when that is an absolute path (the XDG spec ignores a relative one), else <c>~/.config/mapper</c>.</summary>
    public static string? DefaultConfigDirectory(Func<string, string?> environment, string? home)
    {
        if (environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "mapper");
        }

        var user = environment("HOME") is { Length: > 0 } h ? h : home;
        return string.IsNullOrEmpty(user) ? null : Path.Combine(user, ".config", "mapper");
    }
}
