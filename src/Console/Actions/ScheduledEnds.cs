namespace Mapper.Console.Actions;

/// <summary>Something that ends by itself at a recorded time (the kill switch's auto-revert, a drill), through the executor.</summary>
public interface IScheduledEnd
{
    /// <summary>Ends it if its time has come; the executor's outcome, or null when nothing was due.</summary>
    Task<ActionOutcome?> EndIfDueAsync(CancellationToken cancellationToken);
}

/// <summary>One timer for every scheduled end: each second, each due end is carried out (as the system, audited).</summary>
public sealed partial class ScheduledEnds(IEnumerable<IScheduledEnd> ends, TimeProvider time, ILogger<ScheduledEnds> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var end in ends)
                {
                    try
                    {
                        await end.EndIfDueAsync(stoppingToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogEndFailed(logger, e, end.GetType().Name);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 5431, Level = LogLevel.Error, Message = "A scheduled end ({End}) failed; the next tick tries again")]
    private static partial void LogEndFailed(ILogger logger, Exception exception, string end);
}
