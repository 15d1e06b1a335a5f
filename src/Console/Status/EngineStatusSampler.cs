namespace Mapper.Console.Status;

/// <summary>
/// The one timer behind the live status: every <see cref="Period"/> it reads the engine status once and
/// hands it to every subscriber. A slow subscriber gets the newest view when it is free again, never a backlog.
/// </summary>
public sealed partial class EngineStatusSampler(EngineStatusReader reader, TimeProvider time, ILogger<EngineStatusSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private readonly List<Subscription> _subscriptions = [];

    /// <summary>Delivers each new view to <paramref name="onView"/> until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<EngineStatusView, Task> onView)
    {
        var subscription = new Subscription(this, onView);
        lock (_lock)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Subscription[] current;
            lock (_lock)
            {
                current = [.. _subscriptions];
            }

            if (current.Length == 0)
            {
                continue;
            }

            var view = reader.Read();
            foreach (var subscription in current)
            {
                subscription.Offer(view);
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "A status subscriber failed; it keeps its subscription")]
    private partial void LogSubscriberFailed(Exception exception);

    private sealed class Subscription(EngineStatusSampler owner, Func<EngineStatusView, Task> onView) : IDisposable
    {
        private readonly Lock _lock = new();
        private EngineStatusView? _pending;
        private bool _delivering;
        private volatile bool _disposed;

        public void Offer(EngineStatusView view)
        {
            lock (_lock)
            {
                _pending = view;
                if (_delivering)
                {
                    return; // The running delivery picks up the newest view when it finishes.
                }

                _delivering = true;
            }

            _ = Task.Run(DeliverAsync);
        }

        public void Dispose()
        {
            _disposed = true;
            owner.Remove(this);
        }

        private async Task DeliverAsync()
        {
            while (true)
            {
                EngineStatusView view;
                lock (_lock)
                {
                    if (_pending is null || _disposed)
                    {
                        _delivering = false;
                        return;
                    }

                    view = _pending;
                    _pending = null;
                }

                try
                {
                    await onView(view);
                }
                catch (Exception e)
                {
                    owner.LogSubscriberFailed(e);
                }
            }
        }
    }
}
