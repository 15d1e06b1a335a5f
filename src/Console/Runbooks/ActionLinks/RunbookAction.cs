using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Console.Identity;

namespace Mapper.Console.Runbooks.ActionLinks;

public enum FieldKind
{
    Number,
    Choice,
}

/// <summary>One choice of a field; <see cref="At"/> lets the page show a time in the reader's zone.</summary>
public sealed record FieldChoice(string Value, string Text, DateTimeOffset? At = null);

/// <summary>An input the person fills in beside the button, prefilled from the link's arguments.</summary>
public sealed record ActionField(string Key, string Label, FieldKind Kind, string Value, IReadOnlyList<FieldChoice> Choices, double Min = 0, double Max = 1, double Step = 1);

/// <summary>One line of the confirm dialog: what changes, from what (read live), to what.</summary>
public sealed record ActionChange(string What, string From, string To);

/// <summary>
/// What an action would do with the values given: the confirm dialog's title and lines, a hint shown beside the
/// button (the what-if, what was live then), and the command to run with the person's reason; or why it cannot.
/// </summary>
public sealed record ActionProposal(string Title, IReadOnlyList<ActionChange> Changes, Func<string, TimeSpan?, OperatorCommand>? Command, string? Hint = null, bool OfferRevert = false)
{
    public string? Problem { get; init; }

    public static ActionProposal Cannot(string title, string problem, string? hint = null) => new(title, [], null, hint) { Problem = problem };
}

/// <summary>
/// An action a runbook link may name (<c>action:NAME?args</c>): the role it takes, the inputs it asks for and how
/// it turns them into an <see cref="OperatorCommand"/> for the executor. The "from" side of every change line is
/// read from what is live when the proposal is made, and control commands carry that epoch, so a change made by
/// someone else in between is refused as stale rather than overwritten.
/// </summary>
public abstract class RunbookAction(string name, ConsoleRole role)
{
    public string Name => name;

    public ConsoleRole Role => role;

    /// <summary>Why nobody can use the button yet (a feature still to come), or null.</summary>
    public virtual string? Unavailable => null;

    public virtual Task<IReadOnlyList<ActionField>> FieldsAsync(IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ActionField>>([]);

    /// <summary>The proposal for <paramref name="values"/>: the link's arguments overlaid with what the person entered in the fields.</summary>
    public abstract Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken);

    protected static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    protected static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    protected static bool TryNumber(IReadOnlyDictionary<string, string> values, string key, out double value) =>
        double.TryParse(values.GetValueOrDefault(key), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    protected static string? Text(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>Every action runbook links may name, by name.</summary>
public sealed class RunbookActionRegistry
{
    private readonly Dictionary<string, RunbookAction> _actions;

    public RunbookActionRegistry(IEnumerable<RunbookAction> actions)
    {
        _actions = new Dictionary<string, RunbookAction>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!_actions.TryAdd(action.Name, action))
            {
                throw new InvalidOperationException($"runbook action '{action.Name}' is registered twice");
            }
        }
    }

    public IReadOnlyCollection<string> Names => _actions.Keys;

    public RunbookAction? Find(string name) => _actions.GetValueOrDefault(name);
}
