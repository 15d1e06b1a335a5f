using Mapper.Console.Actions;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Incidents;

/// <summary>
/// Delivers escalations to the webhook one at a time, off the executor (retries can take a while), and records each
/// outcome through the executor as the system. At start it delivers any the previous process left pending.
/// </summary>
public sealed partial class EscalationWorker(
    EscalationQueue queue,
    WebhookNotifier notifier,
    EscalationPayloads payloads,
    OperatorExecutor executor,
    IDbContextFactory<MapperDbContext> store,
    EscalationOptions options,
    ILogger<EscalationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RequeuePendingAsync(stoppingToken);
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(id, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogDeliveryFailed(logger, e, id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(long id, CancellationToken cancellationToken)
    {
        if (options.Webhook is not { } url || await payloads.BuildAsync(id, cancellationToken) is not { } body)
        {
            return;
        }

        var result = await notifier.SendAsync(url, body, id, cancellationToken);
        var outcome = result.Delivered ? Escalation.Delivered : Escalation.Failed;
        LogDelivered(logger, id, outcome, result.Attempts, result.LastError);
        var recorded = await executor.RunAsync(Actor.System, new RecordEscalationDelivery(id, outcome, result.Attempts, result.LastError), cancellationToken);
        if (!recorded.Succeeded)
        {
            LogNotRecorded(logger, id, recorded.Message);
        }
    }

    private async Task RequeuePendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        foreach (var id in await db.Escalations.AsNoTracking().Where(e => e.Outcome == Escalation.Pending).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken))
        {
            queue.Enqueue(id);
        }
    }

    [LoggerMessage(EventId = 5800, Level = LogLevel.Warning, Message = "Escalation {Escalation}: webhook {Outcome} after {Attempts} attempts ({LastError})")]
    private static partial void LogDelivered(ILogger logger, long escalation, string outcome, int attempts, string? lastError);

    [LoggerMessage(EventId = 5801, Level = LogLevel.Error, Message = "Escalation {Escalation}: delivery broke off")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, long escalation);

    [LoggerMessage(EventId = 5802, Level = LogLevel.Error, Message = "Escalation {Escalation}: the outcome could not be recorded: {Message}")]
    private static partial void LogNotRecorded(ILogger logger, long escalation, string message);
}
