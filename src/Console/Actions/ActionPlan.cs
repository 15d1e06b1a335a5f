using Mapper.Console.Store;

namespace Mapper.Console.Actions;

/// <summary>
/// What a handler decided a command will do, before anything happens: the audit row's old and new values,
/// the live state after it (if it changes what is live), writes to make in the same transaction, and what to
/// do once the row is committed (or if it cannot be).
/// </summary>
public sealed record ActionPlan(string? OldValue, string? NewValue)
{
    /// <summary>The live state after the action, when it changes the controls or the adapter.</summary>
    public LiveState? NextLive { get; init; }

    /// <summary>Store writes that must commit or roll back with the audit row (accounts, tokens).</summary>
    public Func<ActionScope, Task>? Write { get; init; }

    /// <summary>Engine work after the commit, e.g. publishing a gated adapter. Must not throw: the change is already recorded.</summary>
    public Func<Task>? AfterCommit { get; init; }

    /// <summary>Undo of any preparation when the row cannot be written, e.g. discarding a gated adapter.</summary>
    public Action? Abort { get; init; }

    public required string Message { get; init; }

    public string? Detail { get; init; }

    public string? Secret { get; init; }

    public string? Created { get; init; }

    /// <summary>The incident the audit row belongs to when the command did not say (one the action itself creates).</summary>
    public long? IncidentId { get; init; }
}

/// <summary>What a handler sees while planning and writing: the store's context for this action and its services.</summary>
public sealed record ActionScope(MapperDbContext Db, IServiceProvider Services, ResolvedActor Actor, LiveState Live, DateTimeOffset Now, CancellationToken CancellationToken);

/// <summary>One family of commands (controls, adapters, accounts, tokens).</summary>
public interface IActionHandler
{
    bool Handles(OperatorCommand command);

    /// <summary>Checks the command and says what it will do; throws <see cref="ActionRefusedException"/> when it cannot.</summary>
    Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope);
}
