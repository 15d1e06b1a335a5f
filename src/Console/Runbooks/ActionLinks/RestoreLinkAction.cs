using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Runbooks.ActionLinks;

/// <summary>
/// <c>restore-controls</c>: every control back to what was live at a past time. The times offered are "just before"
/// each recent change of what is live (what on-call usually wants: the state before it began) and a few minutes
/// ago; the hint and the dialog show what was live then, read from the audit log.
/// </summary>
public sealed class RestoreLinkAction(LiveRecord live, AuditQueries audit, IDbContextFactory<MapperDbContext> store, TimeProvider time)
    : RunbookAction("restore-controls", ConsoleRole.Operator)
{
    public const int Changes = 20;
    private const string AgoPrefix = "ago:";
    private static readonly int[] MinutesAgo = [15, 30, 60];

    public override async Task<IReadOnlyList<ActionField>> FieldsAsync(IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var rows = await db.Audit.AsNoTracking()
            .Where(e => e.Live != null && e.Result == "applied" && e.Action.StartsWith("controls."))
            .OrderByDescending(e => e.Id)
            .Take(Changes)
            .Select(e => new { e.Id, e.OccurredAt, e.Actor, e.Action, e.OldValue, e.NewValue })
            .ToListAsync(cancellationToken);
        var choices = rows.Select(r => new FieldChoice(
            Before(r.OccurredAt).ToString("O", CultureInfo.InvariantCulture),
            $"before #{r.Id}: {r.Action} by {r.Actor} ({r.OldValue} → {r.NewValue})",
            r.OccurredAt)).ToList();
        choices.AddRange(MinutesAgo.Select(m => new FieldChoice(AgoPrefix + m.ToString(CultureInfo.InvariantCulture), $"{m} minutes ago")));
        return [new ActionField("at", "Restore to", FieldKind.Choice, choices[0].Value, choices)];
    }

    public override async Task<ActionProposal> ProposeAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        const string title = "Restore the controls";
        if (At(Text(values, "at")) is not { } at)
        {
            return ActionProposal.Cannot(title, "restore to: pick a past time");
        }

        var then = await audit.LiveAtAsync(at, cancellationToken);
        if (then is null)
        {
            return ActionProposal.Cannot(title, $"nothing was recorded as live at {Utc(at)} (before the store began)");
        }

        var now = live.Current;
        var lines = ControlDiff.Lines(now, then.Live.Controls, clearsRevert: true);
        var hint = $"Live at {Utc(at)}: as left by audit row #{then.AuditId} ({then.Action} by {then.Actor} at {Utc(then.ChangedAt)}). The adapter is not restored: roll it back on its own.";
        return lines.Count == 0
            ? ActionProposal.Cannot(title, "the controls live then are the ones live now", hint)
            : new ActionProposal($"Restore the controls to {Utc(at)}", lines, (reason, _) => new RestoreControls(at) { Reason = reason, ExpectedEpoch = now.Epoch }, hint);
    }

    /// <summary>The stored instants have 100 ns steps: one step earlier is before the row and after every earlier one.</summary>
    private static DateTimeOffset Before(DateTimeOffset at) => at.AddTicks(-1);

    private DateTimeOffset? At(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.StartsWith(AgoPrefix, StringComparison.Ordinal))
        {
            return int.TryParse(value[AgoPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and <= 7 * 24 * 60
                ? time.GetUtcNow().AddMinutes(-minutes)
                : null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
    }
}
