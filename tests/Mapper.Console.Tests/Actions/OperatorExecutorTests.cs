using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Store;
using Mapper.Console.Tests.Support;
using Mapper.Engine.Controls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Actions;

/// <summary>The one executor, through its page door: roles, reasons, epochs, serialisation and the audit row it writes.</summary>
public sealed class OperatorExecutorTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly MapperFactory _factory = new();

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Services;
        await _factory.AddUserAsync("vera", ConsoleRole.Viewer);
        await _factory.AddUserAsync("otto", ConsoleRole.Operator);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    public static TheoryData<OperatorCommand> ChangesAViewerMayNotMake => new()
    {
        new SetKillSwitch(true) { Reason = "r" },
        new SetThreshold(null, 0.7) { Reason = "r" },
        new SetThreshold("presidio", 0.7) { Reason = "r" },
        new ClearThreshold("presidio") { Reason = "r" },
        new SetBatchLimits(8, 0) { Reason = "r" },
        new ResetControls { Reason = "r" },
        new ActivateAdapter(null, "1.0.0") { Reason = "r" },
        new RollbackAdapter("1.0.0") { Reason = "r" },
        new StartTraining { Reason = "r" },
        new AddUser("mallory", ConsoleRole.Admin, "a-long-enough-password") { Reason = "r" },
        new ChangeUserRole("vera", ConsoleRole.Admin) { Reason = "r" },
        new SetUserDisabled("otto", true) { Reason = "r" },
        new ResetPassword("otto", "another-long-password") { Reason = "r" },
        new CreateToken("otto", "not mine"),
    };

    [Theory]
    [MemberData(nameof(ChangesAViewerMayNotMake))]
    public async Task RunAsync_ViewerAsksForAChange_IsDeniedAuditedAndNothingChanges(OperatorCommand command)
    {
        var before = Live();

        var outcome = await Executor.RunAsync(new Actor("vera", Door.Page), command, Ct);

        Assert.Equal(ActionStatus.Denied, outcome.Status);
        Assert.Equal(before.ToJson(), Live().ToJson());
        var row = await LastRowAsync();
        Assert.Equal((outcome.AuditId, "vera", "viewer", "page", command.Action, "denied"), (row.Id, row.Actor, row.Role, row.Door, row.Action, row.Result));
        Assert.Null(row.Live);
    }

    [Fact]
    public async Task RunAsync_OperatorAsksForAnAdminAction_IsDenied()
    {
        var outcome = await Executor.RunAsync(new Actor("otto", Door.Runbook), new AddUser("eve", ConsoleRole.Admin, "a-long-enough-password") { Reason = "r" }, Ct);

        Assert.Equal(ActionStatus.Denied, outcome.Status);
        Assert.Contains("admin role", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("runbook", (await LastRowAsync()).Door);
    }

    [Fact]
    public async Task RunAsync_UnknownOrDisabledAccount_IsDenied()
    {
        var unknown = await Executor.RunAsync(new Actor("nobody", Door.Api), new SetKillSwitch(true) { Reason = "r" }, Ct);
        await Executor.RunAsync(Actor.System, new SetUserDisabled("otto", true) { Reason = "left the team" }, Ct);
        var disabled = await Executor.RunAsync(new Actor("otto", Door.Api), new SetKillSwitch(true) { Reason = "r" }, Ct);

        Assert.Equal(ActionStatus.Denied, unknown.Status);
        Assert.Equal(ActionStatus.Denied, disabled.Status);
        Assert.Equal(MappingMode.Hybrid, Live().Controls.Mode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task RunAsync_NoReason_IsInvalidAndNotApplied(string? reason)
    {
        var outcome = await Executor.RunAsync(new Actor("otto", Door.Page), new SetKillSwitch(true) { Reason = reason }, Ct);

        Assert.Equal(ActionStatus.Invalid, outcome.Status);
        Assert.Contains("reason: required", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(MappingMode.Hybrid, Live().Controls.Mode);
    }

    [Fact]
    public async Task RunAsync_KillSwitchOn_AppliesToTheEngineAndWritesTheLiveStateInItsRow()
    {
        var before = Live();

        var outcome = await Executor.RunAsync(new Actor("otto", Door.Page, "req-1"), new SetKillSwitch(true) { Reason = "model unstable", ExpectedEpoch = before.Epoch }, Ct);

        Assert.Equal(ActionStatus.Applied, outcome.Status);
        Assert.Equal(MappingMode.RulesOnly, _factory.Services.GetRequiredService<RuntimeControlsStore>().Current.Mode);
        Assert.Equal(before.Epoch + 1, outcome.Epoch);
        var row = await LastRowAsync();
        Assert.Equal(("otto", "operator", "page", "controls.kill_switch", "mode", "hybrid", "rules_only", "model unstable", "applied", "req-1"),
            (row.Actor, row.Role, row.Door, row.Action, row.Target, row.OldValue, row.NewValue, row.Reason, row.Result, row.RequestId));
        Assert.Equal(row.Live, Live().ToJson());
        var note = Record.KillSwitch!;
        Assert.Equal(("otto", "model unstable", row.Id), (note.Actor, note.Reason, note.AuditId));
    }

    [Fact]
    public async Task RunAsync_FormOpenedBeforeSomeoneElsesChange_IsRefusedAsStaleNamingThem()
    {
        var loaded = Live().Epoch;
        await Executor.RunAsync(new Actor("admin", Door.Page), new SetThreshold(null, 0.7) { Reason = "tune" }, Ct);

        var stale = await Executor.RunAsync(new Actor("otto", Door.Page), new SetThreshold(null, 0.5) { Reason = "lower", ExpectedEpoch = loaded }, Ct);

        Assert.Equal(ActionStatus.Stale, stale.Status);
        Assert.StartsWith("changed by admin at ", stale.Message, StringComparison.Ordinal);
        Assert.Contains("since you loaded it", stale.Message, StringComparison.Ordinal);
        Assert.Equal(0.7, Live().Controls.GlobalThreshold);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public async Task RunAsync_ThresholdOutOfBounds_IsInvalidNamingTheValue(double value)
    {
        var outcome = await Executor.RunAsync(new Actor("otto", Door.Page), new SetThreshold("presidio", value) { Reason = "r" }, Ct);

        Assert.Equal(ActionStatus.Invalid, outcome.Status);
        Assert.Contains("outside [0, 1]", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DetectorThresholdForAnAlias_AppliesToTheCanonicalDetector()
    {
        var outcome = await Executor.RunAsync(new Actor("otto", Door.Page), new SetThreshold("OpenAI-Moderation", 0.8) { Reason = "noisy" }, Ct);
        var unknown = await Executor.RunAsync(new Actor("otto", Door.Page), new SetThreshold("no-such-detector", 0.8) { Reason = "r" }, Ct);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(0.8, Live().Controls.DetectorThresholds["openai-moderation"]);
        Assert.Equal(ActionStatus.Invalid, unknown.Status);
        Assert.Equal("otto", Record.NoteFor("threshold:openai-moderation")!.Actor);
    }

    [Fact]
    public async Task RunAsync_FiftyConcurrentChanges_AuditOrderIsAppliedOrderAndTheLastRowIsLive()
    {
        var changes = Enumerable.Range(0, 50).Select(i => Executor.RunAsync(
            new Actor(i % 2 == 0 ? "otto" : "admin", Door.Api),
            new SetThreshold(i % 5 == 0 ? "presidio" : null, 0.3 + (i / 100.0)) { Reason = $"change {i}" },
            Ct));
        var outcomes = await Task.WhenAll(changes);

        Assert.All(outcomes, o => Assert.Equal(ActionStatus.Applied, o.Status));
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Ct);
        var rows = await db.Audit.Where(e => e.Live != null).OrderBy(e => e.Id).ToListAsync(Ct);
        var epochs = rows.Select(r => r.Epoch).ToList();
        Assert.Equal(epochs.Order(), epochs);
        Assert.Equal(epochs.Count, epochs.Distinct().Count());
        Assert.Equal(outcomes.Select(o => o.AuditId).Order(), rows.TakeLast(50).Select(r => (long?)r.Id));
        Assert.Equal(rows[^1].Live, Live().ToJson());
        Assert.True((await _factory.Services.GetRequiredService<AuditQueries>().VerifyAsync(Ct)).Intact);
    }

    [Fact]
    public async Task RunAsync_StoreCannotWrite_ChangeIsNotAppliedToTheEngine()
    {
        var before = Live();
        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Ct))
        {
            // Any write to the log now fails, as on a full or read-only disk.
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER fail_inserts BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;", Ct);
        }

        var outcome = await Executor.RunAsync(new Actor("otto", Door.Page), new SetKillSwitch(true) { Reason = "r" }, Ct);

        Assert.Equal(ActionStatus.Failed, outcome.Status);
        Assert.Equal(before.ToJson(), Live().ToJson());
        Assert.Equal(MappingMode.Hybrid, _factory.Services.GetRequiredService<RuntimeControlsStore>().Current.Mode);
    }

    [Fact]
    public async Task RunAsync_AddUserWithShortPassword_IsInvalidAndNoAccountOrRowIsLeft()
    {
        var rowsBefore = await RowCountAsync();

        var outcome = await Executor.RunAsync(new Actor("admin", Door.Page), new AddUser("shorty", ConsoleRole.Viewer, "short") { Reason = "r" }, Ct);

        Assert.Equal(ActionStatus.Invalid, outcome.Status);
        Assert.Contains("password:", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await RowCountAsync());
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Ct);
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "shorty", Ct));
    }

    [Fact]
    public async Task RunAsync_LastAdmin_CannotBeDemotedOrDisabled()
    {
        var demote = await Executor.RunAsync(Actor.System, new ChangeUserRole("admin", ConsoleRole.Viewer) { Reason = "r" }, Ct);
        var disable = await Executor.RunAsync(Actor.System, new SetUserDisabled("admin", true) { Reason = "r" }, Ct);

        Assert.Equal(ActionStatus.Invalid, demote.Status);
        Assert.Contains("last active admin", demote.Message, StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Invalid, disable.Status);
    }

    [Fact]
    public async Task RunAsync_RestoreControlsToAPastTime_BringsBackWhatWasLiveThen()
    {
        await Executor.RunAsync(new Actor("otto", Door.Page), new SetThreshold(null, 0.7) { Reason = "tune" }, Ct);
        var goodAt = (await LastRowAsync()).OccurredAt;
        await Task.Delay(5, Ct);
        await Executor.RunAsync(new Actor("otto", Door.Page), new SetThreshold(null, 0.2) { Reason = "too low, it turns out" }, Ct);
        await Executor.RunAsync(new Actor("otto", Door.Page), new SetKillSwitch(true) { Reason = "while we sort it out" }, Ct);

        var restored = await Executor.RunAsync(new Actor("otto", Door.Runbook), new RestoreControls(goodAt) { Reason = "back to the known good" }, Ct);

        Assert.True(restored.Succeeded, restored.Message);
        Assert.Equal((0.7, MappingMode.Hybrid), (Live().Controls.GlobalThreshold, Live().Controls.Mode));
    }

    private OperatorExecutor Executor => _factory.Executor();

    private LiveRecord Record => _factory.Services.GetRequiredService<LiveRecord>();

    private LiveState Live() => Record.Current;

    private async Task<AuditEntry> LastRowAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Ct);
        return await db.Audit.OrderByDescending(e => e.Id).FirstAsync(Ct);
    }

    private async Task<int> RowCountAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Ct);
        return await db.Audit.CountAsync(Ct);
    }
}
