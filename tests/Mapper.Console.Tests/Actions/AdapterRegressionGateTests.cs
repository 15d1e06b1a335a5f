using Mapper.Console.Actions;
using Mapper.Console.Store;
using Mapper.Console.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Actions;

/// <summary>Saved regression cases in the activation gate: activation and rollback run them; start-up's restore does not.</summary>
public sealed class AdapterRegressionGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every adapter that passes the smoke set maps presidio's EMAIL_ADDRESS to PII.Contact.Email, so this case breaks any of them.</summary>
    private static readonly SaveRegressionCase Broken = new("presidio", "EMAIL_ADDRESS", ["PII.Identifier.SSN"], "expects what no adapter says");

    [Fact]
    public async Task Rollback_ToAVersionThatBreaksASavedCase_RefusedNamingItAndAuditedWithTheVerdict()
    {
        await using var factory = new MapperFactory(SmallModel.Settings());
        var registry = await PageContext.ModelReadyAsync(factory);
        var executor = factory.Executor();
        Assert.True((await executor.RunAsync(Actor.System, new StartTraining(), Ct)).Succeeded);
        await factory.Services.GetRequiredService<TrainingJobs>().WhenIdleAsync();
        var activated = await executor.RunAsync(Actor.System, new ActivateAdapter(null, "1.0.1") { Reason = "newer" }, Ct);
        Assert.True(activated.Succeeded, activated.Message);
        Assert.True((await executor.RunAsync(Actor.System, Broken, Ct)).Succeeded);

        var rollback = await executor.RunAsync(Actor.System, new RollbackAdapter("1.0.0") { Reason = "back" }, Ct);

        Assert.Equal(ActionStatus.Refused, rollback.Status);
        Assert.Contains("regression case presidio/EMAIL_ADDRESS → predicted PII.Contact.Email", rollback.Message, StringComparison.Ordinal);
        Assert.Contains("mapper-baseline@1.0.1 keep serving", rollback.Message, StringComparison.Ordinal);
        Assert.Equal("mapper-baseline@1.0.1", registry.ActiveModel);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Ct);
        var row = await db.Audit.SingleAsync(e => e.Id == rollback.AuditId, Ct);
        Assert.Equal(("adapters.rollback", "refused"), (row.Action, row.Result));
        Assert.Contains("expected PII.Identifier.SSN", row.Detail, StringComparison.Ordinal);
        var applied = await db.Audit.SingleAsync(e => e.Id == activated.AuditId, Ct);
        Assert.Contains("no regression cases saved", applied.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_CaseSavedAfterTheLiveAdapterWentLive_TheSameAdapterServesAgainUnderItsRevision()
    {
        var kept = Directory.CreateTempSubdirectory("mapper-regression-restart-").FullName;
        try
        {
            await using (var first = new MapperFactory(SmallModel.Settings(kept)))
            {
                await PageContext.ModelReadyAsync(first);
                Assert.True((await first.Executor().RunAsync(Actor.System, Broken, Ct)).Succeeded);
            }

            await using var second = new MapperFactory(SmallModel.Settings(kept));
            var registry = await PageContext.ModelReadyAsync(second);

            // Had start-up gated with the case, 1.0.0 would be refused and a recovery would serve something else as revision 2.
            Assert.Equal(("mapper-baseline@1.0.0", 1), (registry.ActiveModel, registry.ActiveRevision));
        }
        finally
        {
            Directory.Delete(kept, recursive: true);
        }
    }
}
