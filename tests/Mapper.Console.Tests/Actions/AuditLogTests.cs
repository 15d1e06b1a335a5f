using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Store;
using Mapper.Console.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Actions;

/// <summary>The audit log: append-only in the database, hash-chained, verifiable, and the source of "what was live at T".</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly MapperFactory _factory = new();

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Services;
        await _factory.AddUserAsync("otto", ConsoleRole.Operator);
        foreach (var (threshold, reason) in new[] { (0.7, "first"), (0.65, "second"), (0.75, "third") })
        {
            var outcome = await _factory.Executor().RunAsync(new Actor("otto", Door.Page), new SetThreshold(null, threshold) { Reason = reason }, Ct);
            Assert.True(outcome.Succeeded, outcome.Message);
        }
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task VerifyAsync_UntouchedLog_IsIntact()
    {
        var verdict = await Audit.VerifyAsync(Ct);

        Assert.True(verdict.Intact);
        Assert.Null(verdict.Break);
        Assert.Equal(await CountAsync(), verdict.Rows);
    }

    [Fact]
    public async Task UpdateOrDelete_ThroughSql_IsRefusedByTheDatabase()
    {
        await using var db = await Db();

        var update = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET Reason = 'nothing happened' WHERE Id = 2", Ct));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log WHERE Id = 2", Ct));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_OneRowTamperedPastTheTrigger_NamesThatRow()
    {
        var target = await RowIdAsync("second");
        await using (var db = await Db())
        {
            // Someone with the file drops the guard and rewrites history.
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_log_no_update", Ct);
            await db.Database.ExecuteSqlAsync($"UPDATE audit_log SET Reason = 'routine' WHERE Id = {target}", Ct);
        }

        var verdict = await Audit.VerifyAsync(Ct);

        Assert.False(verdict.Intact);
        Assert.Equal(target, verdict.Break!.RowId);
        Assert.Equal(target - 1, verdict.Break.VerifiedRows);
        Assert.Contains($"row {target} was altered", verdict.Break.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_RowDeletedPastTheTrigger_NamesTheGap()
    {
        var target = await RowIdAsync("second");
        await using (var db = await Db())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_log_no_delete", Ct);
            await db.Database.ExecuteSqlAsync($"DELETE FROM audit_log WHERE Id = {target}", Ct);
        }

        var verdict = await Audit.VerifyAsync(Ct);

        Assert.False(verdict.Intact);
        Assert.Equal(target + 1, verdict.Break!.RowId);
        Assert.Contains("missing", verdict.Break.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveAtAsync_BetweenTwoChanges_AnswersWhatTheFirstMadeLive()
    {
        await using var db = await Db();
        var rows = await db.Audit.Where(e => e.Action == "controls.threshold").OrderBy(e => e.Id).ToListAsync(Ct);
        var between = rows[1].OccurredAt + ((rows[2].OccurredAt - rows[1].OccurredAt) / 2);

        var then = await Audit.LiveAtAsync(between, Ct);
        var beforeTheStore = await Audit.LiveAtAsync(DateTimeOffset.UnixEpoch, Ct);

        Assert.Equal(0.65, then!.Live.Controls.GlobalThreshold);
        Assert.Equal((rows[1].Id, "otto"), (then.AuditId, then.Actor));
        Assert.Null(beforeTheStore);
    }

    [Fact]
    public async Task Rows_KeepMetadataOnly_WithTheSlisOfTheMoment()
    {
        await using var db = await Db();
        var row = await db.Audit.Where(e => e.Reason == "third").SingleAsync(Ct);

        Assert.Equal(("0.65", "0.75", "threshold"), (row.OldValue, row.NewValue, row.Target));
        Assert.Null(row.SchemaValidPercent);
        Assert.Equal(64, row.Hash.Length);
        Assert.Equal(AuditChain.Hash(row), row.Hash);
    }

    private AuditQueries Audit => _factory.Services.GetRequiredService<AuditQueries>();

    private Task<MapperDbContext> Db() => _factory.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Ct);

    private async Task<long> RowIdAsync(string reason)
    {
        await using var db = await Db();
        return await db.Audit.Where(e => e.Reason == reason).Select(e => e.Id).SingleAsync(Ct);
    }

    private async Task<long> CountAsync()
    {
        await using var db = await Db();
        return await db.Audit.LongCountAsync(Ct);
    }
}
