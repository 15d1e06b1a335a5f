using System.Text.Json;
using Mapper.Console.Store;
using Mapper.Engine.Controls;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Actions;

/// <summary>
/// At start-up: finds where the audit chain ends, replays the rows that changed what is live (so every setting
/// knows who changed it last), and seeds the engine's controls with the state the log ends with. On a fresh
/// store it records the configured defaults as the first row, so the log holds the whole story from day one.
/// </summary>
public sealed partial class LiveStateLoader(
    IDbContextFactory<MapperDbContext> factory, AuditTail tail, LiveRecord live, RuntimeControlsStore controls, OperatorExecutor executor, ILogger<LiveStateLoader> logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var last = await db.Audit.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            if (last is not null)
            {
                tail.Advance(new AuditEntry { Id = last.Id, Hash = last.Hash });
            }

            var rows = db.Audit.AsNoTracking().Where(e => e.Live != null).OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.Actor, e.Action, e.OccurredAt, e.Reason, e.Live }).AsAsyncEnumerable();
            LiveState? previous = null;
            var notes = new Dictionary<string, ChangeNote>(StringComparer.Ordinal);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                LiveState state;
                try
                {
                    state = LiveState.FromJson(row.Live!);
                }
                catch (JsonException e)
                {
                    throw new StoreUnusableException($"audit row {row.Id} holds a live state this console cannot read ({e.Message}); run `mapper audit verify`");
                }

                var note = new ChangeNote(row.Id, row.Actor, row.Action, row.OccurredAt, row.Reason);
                foreach (var setting in previous is null ? LiveRecord.AllSettings(state) : LiveRecord.ChangedSettings(previous, state))
                {
                    notes[setting] = note;
                }

                previous = state;
            }

            if (previous is not null)
            {
                controls.Seed(previous.Controls);
                live.Reset(previous.KillSwitchRevertAt, notes);
                LogResumed(logger, previous.Epoch, notes.Values.MaxBy(n => n.AuditId)?.Actor ?? "-", last!.Id);
                return;
            }
        }

        var first = await executor.RunAsync(Actor.System, new InitializeStore { Reason = "first start: the configured defaults are live" }, cancellationToken);
        if (!first.Succeeded)
        {
            throw new StoreUnusableException($"the store could not record its first row: {first.Message}");
        }
    }

    [LoggerMessage(EventId = 5600, Level = LogLevel.Information, Message = "Controls resumed from the audit log at epoch {Epoch} (last changed by {Actor}; {Rows} rows); configuration gives defaults only")]
    private static partial void LogResumed(ILogger logger, long epoch, string actor, long rows);
}

/// <summary>The first row of a fresh store: the live state the configuration starts from.</summary>
public sealed record InitializeStore : OperatorCommand
{
    public override string Action => "store.initialize";

    public override Identity.ConsoleRole RequiredRole => Identity.ConsoleRole.Admin;

    public override string Target => "controls";
}

/// <summary>Plans <see cref="InitializeStore"/>: the current (configured) state, recorded as epoch 1.</summary>
public sealed class StoreActions : IActionHandler
{
    public bool Handles(OperatorCommand command) => command is InitializeStore;

    public Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope)
    {
        if (!scope.Actor.Actor.IsSystem || scope.Live.Epoch != 0)
        {
            throw new ActionRefusedException(ActionStatus.Denied, "the store is initialised once, by the system");
        }

        return Task.FromResult(new ActionPlan("empty store", "configured defaults") { NextLive = scope.Live, Message = "store initialised" });
    }
}
