namespace Mapper.Cli;

/// <summary>A bad command line: the message goes to stderr with the usage, and the exit code is 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>An input named on the command line cannot be used (missing folder, unreadable file): exit code 2, no usage text.</summary>
public sealed class InputFileException(string message) : Exception(message);

/// <summary>The command ran and found a problem (a refused adapter, a failed check): the message goes to stderr, exit code 1.</summary>
public sealed class CheckFailedException(string message) : Exception(message);

/// <summary>
/// The words after a verb: <c>--name value</c> for options, bare <c>--name</c> for switches, and the positional
/// arguments the command declares (<c>users add NAME</c>), in order, anywhere between the flags. Only what a
/// command declares is accepted, so a typo is an error rather than a silently ignored setting.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _arguments = new(StringComparer.Ordinal);

    public static CommandLine Parse(
        IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> switches, IReadOnlyList<string>? arguments = null)
    {
        var line = new CommandLine();
        arguments ??= [];
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.Split('=', 2) is [var n, var v] && arg.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (arg, null);
            if (switches.Contains(name) && inline is null)
            {
                line._switches.Add(name);
            }
            else if (options.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
                line._values[name] = value ?? throw new UsageException($"{name} needs a value");
            }
            else if (!arg.StartsWith('-') && line._arguments.Count < arguments.Count)
            {
                line._arguments[arguments[line._arguments.Count]] = arg;
            }
            else
            {
                throw new UsageException(arg.StartsWith('-') ? $"unknown flag '{name}'" : $"unexpected argument '{arg}'");
            }
        }

        return line;
    }

    /// <summary>A declared positional argument (by its usage name, e.g. <c>NAME</c>); missing is a usage error.</summary>
    public string Argument(string name) => _arguments.GetValueOrDefault(name) ?? throw new UsageException($"{name} is required");

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Value(name) ?? throw new UsageException($"{name} is required");

    public bool Has(string name) => _switches.Contains(name);

    /// <summary>A whole-number flag within [min, max], or null when absent.</summary>
    public int? Int(string name, int min, int max)
    {
        if (Value(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be a whole number within [{min}, {max}], not '{text}'");
    }

    /// <summary>A non-negative 64-bit flag (a seed), or null when absent.</summary>
    public ulong? ULong(string name)
    {
        if (Value(name) is not { } text)
        {
            return null;
        }

        return ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"{name} must be a non-negative whole number, not '{text}'");
    }

    /// <summary>The value of a flag restricted to a few choices (the first is the default).</summary>
    public string Choice(string name, params string[] allowed)
    {
        var value = Value(name) ?? allowed[0];
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new UsageException($"{name} must be one of {string.Join(", ", allowed)}, not '{value}'");
    }
}
