namespace Mapper.Console.Monitoring;

/// <summary>
/// The one timer behind everything live: every <see cref="Period"/> it reads one <see cref="EngineSample"/>,
/// keeps it as <see cref="Latest"/>, adds it to the history, and hands it to every subscriber (pages, alerts).
/// It samples whether or not anyone watches, because the alerts and the history depend on it. A slow subscriber
/// gets the newest sample when it is free again, never a backlog.
/// </summary>
public sealed partial class EngineSampler(SampleReader reader, SliHistory history, TimeProvider time, ILogger<EngineSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly List<Subscription> _subscriptions = [];
    private EngineSample? _latest;

    /// <summary>The newest sample, read now if the sampler has not ticked yet.</summary>
    public EngineSample Latest => Volatile.Read(ref _latest) ?? Tick();

    /// <summary>Delivers each new sample to <paramref name="onSample"/> until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<EngineSample, Task> onSample)
    {
        var subscription = new Subscription(this, onSample);
        lock (_lock)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    public int Subscribers
    {
        get
        {
            lock (_lock)
            {
                return _subscriptions.Count;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var sample = Tick();
                    await history.RecordAsync(sample, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSampleFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Reads and publishes one sample (the timer's work; tests call it with a fake clock).</summary>
    public EngineSample Tick()
    {
        var sample = reader.Read();
        Volatile.Write(ref _latest, sample);
        Subscription[] current;
        lock (_lock)
        {
            current = [.. _subscriptions];
        }

        foreach (var subscription in current)
        {
            subscription.Offer(sample);
        }

        return sample;
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "A sample subscriber failed; it keeps its subscription")]
    private partial void LogSubscriberFailed(Exception exception);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "Sampling the engine failed; the next tick tries again")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);

    private sealed class Subscription(EngineSampler owner, Func<EngineSample, Task> onSample) : IDisposable
    {
        private readonly Lock _lock = new();
        private EngineSample? _pending;
        private bool _delivering;
        private volatile bool _disposed;

        public void Offer(EngineSample sample)
        {
            lock (_lock)
            {
                _pending = sample;
                if (_delivering || _disposed)
                {
                    return; // The running delivery picks up the newest sample when it finishes.
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
                EngineSample sample;
                lock (_lock)
                {
                    if (_pending is null || _disposed)
                    {
                        _delivering = false;
                        return;
                    }

                    sample = _pending;
                    _pending = null;
                }

                try
                {
                    await onSample(sample);
                }
                catch (Exception e)
                {
                    owner.LogSubscriberFailed(e);
                }
            }
        }
    }
}
