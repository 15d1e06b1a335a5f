using System.Globalization;
using Mapper.Console.Identity;
using Mapper.Console.Store;
using Mapper.Engine.Controls;
using Mapper.Engine.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Actions;

/// <summary>
/// The one way anything changes. For each command, one at a time: resolve the actor's current role, check it,
/// require a reason where behaviour changes, refuse a stale epoch, let the command's handler plan the change,
/// write the audit row (hash-chained, with the live state after it) in one transaction with any other store
/// writes, and only then apply it to the engine. Serialised, so audit order is applied order and the live state
/// always equals what the last row says. A refused or denied attempt is itself audited.
/// </summary>
public sealed partial class OperatorExecutor(
    IServiceScopeFactory scopes,
    IEnumerable<IActionHandler> handlers,
    RuntimeControlsStore controls,
    LiveRecord live,
    AuditTail tail,
    MapperTelemetry telemetry,
    ConsoleMetrics metrics,
    TimeProvider time,
    ILogger<OperatorExecutor> logger)
{
    public const int MaxReasonLength = 1000;

    private readonly IActionHandler[] _handlers = [.. handlers];
    private readonly SemaphoreSlim _serial = new(1, 1);

    public async Task<ActionOutcome> RunAsync(Actor actor, OperatorCommand command, CancellationToken cancellationToken = default)
    {
        await _serial.WaitAsync(cancellationToken);
        try
        {
            var outcome = await RunOneAsync(actor, command, cancellationToken);
            metrics.RecordAction(command.Action, outcome.Status);
            return outcome;
        }
        finally
        {
            _serial.Release();
        }
    }

    private async Task<ActionOutcome> RunOneAsync(Actor actor, OperatorCommand command, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MapperDbContext>();
        var resolved = await ResolveAsync(actor, db, cancellationToken);
        var before = live.Current;
        var context = new ActionScope(db, scope.ServiceProvider, resolved, before, time.GetUtcNow(), cancellationToken);

        if (!resolved.Active || resolved.Role < command.RequiredRole)
        {
            var why = resolved.Active
                ? $"{resolved.RoleName} may not {command.Action}: it takes the {ConsoleRoles.Name(command.RequiredRole)} role"
                : $"'{actor.Name}' is not an active account";
            return await DeniedAsync(context, command, why);
        }

        var reason = command.Reason?.Trim();
        if (command.NeedsReason && string.IsNullOrEmpty(reason))
        {
            return new ActionOutcome(ActionStatus.Invalid, $"reason: required for {command.Action}; say why, it goes in the audit log", Epoch: before.Epoch);
        }

        if (reason is { Length: > MaxReasonLength })
        {
            return new ActionOutcome(ActionStatus.Invalid, $"reason: {reason.Length} characters; at most {MaxReasonLength}", Epoch: before.Epoch);
        }

        if (command.ExpectedEpoch is { } expected && expected != before.Epoch)
        {
            return new ActionOutcome(ActionStatus.Stale, StaleMessage(expected, before), Epoch: before.Epoch);
        }

        if (_handlers.FirstOrDefault(h => h.Handles(command)) is not { } handler)
        {
            // Adapter and training actions exist only while the model path is on (Model:Enabled).
            return new ActionOutcome(ActionStatus.Invalid, $"{command.Action}: not available, the model path is off (Model:Enabled=false)", Epoch: before.Epoch);
        }

        ActionPlan plan;
        try
        {
            plan = await handler.PlanAsync(command, context);
        }
        catch (ActionRefusedException refused) when (refused.Status == ActionStatus.Denied)
        {
            return await DeniedAsync(context, command, refused.Message);
        }
        catch (ActionRefusedException refused) when (refused.Status == ActionStatus.Refused)
        {
            var row = await TryAppendAsync(context, command, "refused", null, null, refused.Detail ?? refused.Message, null, null);
            return new ActionOutcome(ActionStatus.Refused, refused.Message, row?.Id, before.Epoch);
        }
        catch (ActionRefusedException refused)
        {
            return new ActionOutcome(refused.Status, refused.Message, Epoch: before.Epoch);
        }

        var next = plan.NextLive is { } changed ? changed with { Controls = changed.Controls with { Epoch = before.Epoch + 1 } } : null;
        if (next is not null && RuntimeControlsValidator.Problems(next.Controls) is { Count: > 0 } problems)
        {
            plan.Abort?.Invoke();
            return new ActionOutcome(ActionStatus.Invalid, string.Join("; ", problems), Epoch: before.Epoch);
        }

        AuditEntry? entry;
        try
        {
            var recorded = plan.IncidentId is { } incident ? command with { IncidentId = incident } : command;
            entry = await TryAppendAsync(context, recorded, "applied", plan.OldValue, plan.NewValue, plan.Detail, next, plan.Write);
        }
        catch (ActionRefusedException refused)
        {
            // A write of the plan said no (e.g. the password policy): the transaction rolled back, nothing changed.
            plan.Abort?.Invoke();
            return new ActionOutcome(refused.Status, refused.Message, Epoch: before.Epoch);
        }

        if (entry is null)
        {
            plan.Abort?.Invoke();
            return new ActionOutcome(ActionStatus.Failed, $"{command.Action} was not applied: the store could not record it (see the console log)", Epoch: before.Epoch);
        }

        if (next is not null)
        {
            if (!controls.CompareAndSet(before.Epoch, next.Controls))
            {
                // Only the executor writes the controls; if anything else did, the audit log is still the truth.
                LogControlsDiverged(logger, before.Epoch, controls.Current.Epoch);
                controls.Seed(next.Controls with { Epoch = Math.Max(next.Epoch, controls.Current.Epoch + 1) });
            }

            live.Advance(entry, before, next);
        }

        if (plan.AfterCommit is { } after)
        {
            await after();
        }

        LogApplied(logger, command.Action, entry.Target, actor.Name, entry.Door, entry.NewValue, reason);
        return new ActionOutcome(ActionStatus.Applied, plan.Message, entry.Id, next?.Epoch ?? before.Epoch) { Secret = plan.Secret, Created = plan.Created };
    }

    private async Task<ActionOutcome> DeniedAsync(ActionScope context, OperatorCommand command, string why)
    {
        LogDenied(logger, command.Action, context.Actor.Actor.Name, Actor.DoorName(context.Actor.Actor.Door), why);
        var row = await TryAppendAsync(context, command, "denied", null, null, why, null, null);
        return new ActionOutcome(ActionStatus.Denied, why, row?.Id, context.Live.Epoch);
    }

    /// <summary>Writes the row (and the plan's writes) in one transaction; null when the store refused, with nothing applied.</summary>
    private async Task<AuditEntry?> TryAppendAsync(
        ActionScope context, OperatorCommand command, string result, string? oldValue, string? newValue, string? detail, LiveState? next, Func<ActionScope, Task>? write)
    {
        var actor = context.Actor;
        var slis = telemetry.Snapshot();
        var (lastId, lastHash) = tail.Last;
        var entry = new AuditEntry
        {
            Id = lastId + 1,
            OccurredAt = context.Now,
            Actor = actor.Actor.Name,
            Role = actor.RoleName,
            Door = Actor.DoorName(actor.Actor.Door),
            Action = command.Action,
            Target = command.Target,
            OldValue = Clip(oldValue),
            NewValue = Clip(newValue),
            Reason = command.Reason?.Trim() is { Length: > 0 } r ? r : null,
            Result = result,
            Detail = Clip(detail),
            RequestId = actor.Actor.RequestId,
            IncidentId = command.IncidentId,
            Epoch = next?.Epoch ?? context.Live.Epoch,
            Live = next?.ToJson(),
            SchemaValidPercent = slis.SchemaValidPercentage,
            FallbackPercent = slis.Requests == 0 ? null : slis.FallbackPercentage,
            P95LatencySeconds = slis.P95LatencySeconds,
            Http5xxPercent = slis.Http5xxPercentage,
            PreviousHash = lastHash,
        };

        try
        {
            await using var transaction = await context.Db.Database.BeginTransactionAsync(context.CancellationToken);
            if (write is not null)
            {
                await write(context);
            }

            entry.RecordedAt = time.GetUtcNow();
            entry.Hash = AuditChain.Hash(entry);
            context.Db.Audit.Add(entry);
            await context.Db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch (ActionRefusedException)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the store says (disk full, locked, read-only), the change is not made.
            LogWriteFailed(logger, e, command.Action);
            return null;
        }

        tail.Advance(entry);
        return entry;
    }

    private async Task<ResolvedActor> ResolveAsync(Actor actor, MapperDbContext db, CancellationToken cancellationToken)
    {
        if (actor.IsSystem)
        {
            return new ResolvedActor(actor, ConsoleRole.Admin, Active: true);
        }

        var normalized = actor.Name.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => new { u.Id, u.Disabled }).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return new ResolvedActor(actor, ConsoleRole.Viewer, Active: false);
        }

        var names = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(cancellationToken);
        var roles = names.Select(n => ConsoleRoles.TryParse(n, out var role) ? role : (ConsoleRole?)null).OfType<ConsoleRole>().ToList();
        return new ResolvedActor(actor, roles.Count == 0 ? ConsoleRole.Viewer : roles.Max(), Active: !user.Disabled);
    }

    private string StaleMessage(long expected, LiveState current)
    {
        var last = live.Notes.Values.MaxBy(n => n.AuditId);
        var who = last is null ? "someone" : $"{last.Actor} at {last.At.ToString("u", CultureInfo.InvariantCulture)} ({last.Action})";
        return $"changed by {who} since you loaded it (epoch {expected}, now {current.Epoch}); reload to see the new values";
    }

    private static string? Clip(string? value) => value is { Length: > 1000 } ? value[..997] + "..." : value;

    [LoggerMessage(EventId = 5400, Level = LogLevel.Information, Message = "{Action} on {Target} by {Actor} via {Door}: now {NewValue} ({Reason})")]
    private static partial void LogApplied(ILogger logger, string action, string target, string actor, string door, string? newValue, string? reason);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning, Message = "{Action} denied to {Actor} via {Door}: {Why}")]
    private static partial void LogDenied(ILogger logger, string action, string actor, string door, string why);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Error, Message = "{Action} was not applied: the audit row could not be written")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string action);

    [LoggerMessage(EventId = 5403, Level = LogLevel.Critical, Message = "The engine's controls changed outside the executor (epoch {Expected} expected, {Actual} found); the audit log's state was forced")]
    private static partial void LogControlsDiverged(ILogger logger, long expected, long actual);
}
