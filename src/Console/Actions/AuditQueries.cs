using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Actions;

/// <summary>Which audit rows to show: every field optional, times inclusive.</summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? Door = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? Result = null);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Rows, int Total, int Page, int Size);

/// <summary>What was live at a moment, and the row that made it so.</summary>
public sealed record LiveAt(DateTimeOffset At, LiveState Live, long AuditId, string Actor, string Action, DateTimeOffset ChangedAt);

/// <summary>One activation as the audit log records it; an adapter stops serving when the next one starts.</summary>
public sealed record AdapterServed(
    int Revision, string Adapter, string Kind, string From, string Actor, string? Reason, DateTimeOffset ActivatedAt, DateTimeOffset? DeactivatedAt, long AuditId);

/// <summary>The verdict of walking the chain: how many rows verified, and the first broken one if any.</summary>
public sealed record AuditVerdict(bool Intact, long Rows, AuditBreak? Break);

/// <summary>The read side of the audit log, for pages, the admin API and start-up.</summary>
public sealed class AuditQueries(IDbContextFactory<MapperDbContext> factory)
{
    public const int MaxPageSize = 500;

    public static readonly string[] AdapterActions = ["adapters.activate", "adapters.rollback", "adapters.bootstrap", "adapters.recovery"];

    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, int size, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        size = Math.Clamp(size, 1, MaxPageSize);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new AuditPage(rows, total, page, size);
    }

    /// <summary>Every matching row, oldest first, streamed (exports can be large).</summary>
    public async IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await foreach (var row in Filtered(db, filter).OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<AuditVerdict> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var total = await db.Audit.LongCountAsync(cancellationToken);
        var broken = await AuditChain.VerifyAsync(db.Audit.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable());
        return new AuditVerdict(broken is null, broken?.VerifiedRows ?? total, broken);
    }

    /// <summary>The live state recorded by the last row at or before <paramref name="at"/>; null before the first.</summary>
    public async Task<LiveAt?> LiveAtAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Audit.AsNoTracking()
            .Where(e => e.Live != null && e.OccurredAt <= at)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Live, e.Actor, e.Action, e.OccurredAt })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new LiveAt(at, LiveState.FromJson(row.Live!), row.Id, row.Actor, row.Action, row.OccurredAt);
    }

    /// <summary>Every activation, oldest first, with when it stopped serving.</summary>
    public async Task<IReadOnlyList<AdapterServed>> AdapterHistoryAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Audit.AsNoTracking()
            .Where(e => e.Result == "applied" && AdapterActions.Contains(e.Action))
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Action, e.OldValue, e.NewValue, e.Actor, e.Reason, e.OccurredAt, e.Live })
            .ToListAsync(cancellationToken);
        return [.. rows.Select((r, i) => new AdapterServed(
            LiveState.FromJson(r.Live!).Controls.AdapterRevision,
            r.NewValue ?? "",
            r.Action["adapters.".Length..],
            r.OldValue ?? "none",
            r.Actor,
            r.Reason,
            r.OccurredAt,
            i + 1 < rows.Count ? rows[i + 1].OccurredAt : null,
            r.Id))];
    }

    private static IQueryable<AuditEntry> Filtered(MapperDbContext db, AuditFilter filter)
    {
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(e => e.Actor == filter.Actor);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            // "controls" matches every controls.* action; a full name matches itself.
            var prefix = filter.Action.Contains('.', StringComparison.Ordinal) ? filter.Action : filter.Action + ".";
            query = filter.Action.Contains('.', StringComparison.Ordinal) ? query.Where(e => e.Action == prefix) : query.Where(e => e.Action.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(filter.Door))
        {
            query = query.Where(e => e.Door == filter.Door);
        }

        if (!string.IsNullOrWhiteSpace(filter.Result))
        {
            query = query.Where(e => e.Result == filter.Result);
        }

        if (filter.From is { } from)
        {
            query = query.Where(e => e.OccurredAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(e => e.OccurredAt <= to);
        }

        return query;
    }
}
