using System.Collections.Frozen;

namespace Mapper.Console.Api;

/// <summary>
/// Where in a request body a problem is, written twice: for the client (every key as sent, made printable
/// and short) and for the log (only the contract's own field names; any other key is <c>&lt;key&gt;</c>),
/// because key names are client-controlled text and the logs keep metadata only.
/// </summary>
public readonly record struct FieldPath(string Client, string Logged)
{
    /// <summary>The field names of contract §2. Only these appear in logs.</summary>
    public static readonly FrozenSet<string> KnownNames = new[]
    {
        "detector", "output", "tenant_id", "metadata", "requests",
        "contributing_detectors", "normalized_scores", "conflict_resolution_applied", "aggregation_method",
        "coverage_achieved", "provenance", "confidence", "processing_time_ms",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The whole body.</summary>
    public static FieldPath Body { get; } = new("body", "body");

    /// <summary>A top-level field of the body, named without a "body." prefix (<c>output</c>, <c>requests[3].output</c>).</summary>
    public static FieldPath Top(string name) => Body.Key(name);

    /// <summary>A key of this object: its own name for the client, and for the log only when it is a contract name.</summary>
    public FieldPath Key(string name)
    {
        var logged = KnownNames.Contains(name) ? name : "<key>";
        return new(Join(Client, Printable(name)), Join(Logged, logged));
    }

    public FieldPath Index(int index) => new($"{Client}[{index}]", $"{Logged}[{index}]");

    /// <summary>A refusal at this place: "path: text", the text being the same in both forms.</summary>
    public FieldProblem Problem(string text) => new($"{Client}: {text}", $"{Logged}: {text}");

    /// <summary>A client-supplied name made safe for a message: printable and short.</summary>
    public static string Printable(string name)
    {
        var printable = string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) || char.IsSurrogate(source[i]) ? '?' : source[i];
            }
        });
        return printable.Length <= 64 ? printable : printable[..61] + "...";
    }

    private static string Join(string parent, string name) => parent.Length == 0 || parent == "body" ? name : $"{parent}.{name}";
}

/// <summary>A refusal reason for the client (<see cref="Message"/>) and the same reason with client text left out (<see cref="LogMessage"/>).</summary>
public sealed record FieldProblem(string Message, string LogMessage)
{
    /// <summary>A message that holds no client text, so the log may have it as is.</summary>
    public static FieldProblem Plain(string message) => new(message, message);
}
