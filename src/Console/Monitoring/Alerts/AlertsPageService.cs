using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Monitoring.Alerts;

/// <summary>What the alerts page reads: the evaluator's current states and the stored transitions.</summary>
public sealed class AlertsPageService(AlertEvaluator alerts, IDbContextFactory<MapperDbContext> store)
{
    public IReadOnlyList<AlertStatus> Current => alerts.Current;

    public async Task<IReadOnlyList<AlertTransition>> HistoryAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        return await db.AlertTransitions.AsNoTracking().OrderByDescending(t => t.Id).Take(count).ToListAsync(cancellationToken);
    }
}
