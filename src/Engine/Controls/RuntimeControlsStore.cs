namespace Mapper.Engine.Controls;

/// <summary>
/// Holds the current <see cref="RuntimeControls"/> and swaps it atomically. The console's action executor
/// is its one writer: it persists a change first, then makes it current with <see cref="CompareAndSet"/>;
/// the engine only ever reads <see cref="Current"/>. Subscribers hear of a change after it is in force,
/// and a subscriber that throws cannot undo it.
/// </summary>
public sealed class RuntimeControlsStore
{
    private readonly Lock _writeLock = new();
    private readonly Action<Exception>? _onSubscriberError;
    private RuntimeControls _current;
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    public RuntimeControlsStore(RuntimeControls initial, Action<Exception>? onSubscriberError = null)
    {
        RuntimeControlsValidator.ThrowIfInvalid(initial);
        _current = initial;
        _onSubscriberError = onSubscriberError;
    }

    public RuntimeControls Current => Volatile.Read(ref _current);

    /// <summary>Calls <paramref name="onChange"/> with the old and the new snapshot after every change, until disposed.</summary>
    public IDisposable Subscribe(Action<RuntimeControls, RuntimeControls> onChange)
    {
        var subscription = new Subscription(this, onChange);
        lock (_writeLock)
        {
            _subscribers = _subscribers.Add(subscription);
        }

        return subscription;
    }

    /// <summary>
    /// Makes <paramref name="next"/> current if the current epoch is still <paramref name="expectedEpoch"/>;
    /// false (and nothing changes) if someone changed the controls since. <paramref name="next"/> must carry
    /// a higher epoch and pass <see cref="RuntimeControlsValidator"/>.
    /// </summary>
    public bool CompareAndSet(long expectedEpoch, RuntimeControls next)
    {
        RuntimeControlsValidator.ThrowIfInvalid(next);
        RuntimeControls before;
        lock (_writeLock)
        {
            before = _current;
            if (before.Epoch != expectedEpoch)
            {
                return false;
            }

            if (next.Epoch <= before.Epoch)
            {
                throw new ArgumentException($"epoch {next.Epoch} does not follow {before.Epoch}", nameof(next));
            }

            Volatile.Write(ref _current, next);
        }

        Notify(before, next);
        return true;
    }

    /// <summary>
    /// Replaces the start-up defaults with the controls persisted by an earlier run, before any request is
    /// served. The epoch never goes back: a seed older than the current snapshot is refused.
    /// </summary>
    public void Seed(RuntimeControls persisted)
    {
        RuntimeControlsValidator.ThrowIfInvalid(persisted);
        RuntimeControls before;
        lock (_writeLock)
        {
            before = _current;
            if (persisted.Epoch < before.Epoch)
            {
                throw new ArgumentException($"persisted epoch {persisted.Epoch} is older than the current {before.Epoch}", nameof(persisted));
            }

            Volatile.Write(ref _current, persisted);
        }

        Notify(before, persisted);
    }

    /// <summary>Applies <paramref name="change"/> to the current snapshot with the next epoch (tests and benchmarks; the console goes through its executor).</summary>
    public RuntimeControls Update(Func<RuntimeControls, RuntimeControls> change)
    {
        while (true)
        {
            var before = Current;
            var after = change(before) with { Epoch = before.Epoch + 1 };
            if (CompareAndSet(before.Epoch, after))
            {
                return after;
            }
        }
    }

    private void Notify(RuntimeControls before, RuntimeControls after)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers).Items)
        {
            try
            {
                subscriber.OnChange(before, after);
            }
            catch (Exception e)
            {
                _onSubscriberError?.Invoke(e);
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_writeLock)
        {
            _subscribers = _subscribers.Remove(subscription);
        }
    }

    private sealed class Subscription(RuntimeControlsStore owner, Action<RuntimeControls, RuntimeControls> onChange) : IDisposable
    {
        private int _disposed;

        public Action<RuntimeControls, RuntimeControls> OnChange { get; } = onChange;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }

    /// <summary>Copy-on-write list: notifying never holds the lock, so a subscriber may (un)subscribe from its callback.</summary>
    private sealed record ImmutableSubscribers(Subscription[] Items)
    {
        public static readonly ImmutableSubscribers Empty = new([]);

        public ImmutableSubscribers Add(Subscription s) => new([.. Items, s]);

        public ImmutableSubscribers Remove(Subscription s) => new([.. Items.Where(i => !ReferenceEquals(i, s))]);
    }
}
