namespace Mapper.Engine.Controls;

/// <summary>
/// Holds the current <see cref="RuntimeControls"/> and swaps it atomically. This is the seam the
/// console's action executor drives (and persists); the engine only ever reads <see cref="Current"/>.
/// </summary>
public sealed class RuntimeControlsStore
{
    private RuntimeControls _current;
    private readonly Lock _writeLock = new();

    public RuntimeControlsStore(RuntimeControls initial)
    {
        RuntimeControlsValidator.ThrowIfInvalid(initial);
        _current = initial;
    }

    /// <summary>Raised after a new snapshot is in force, with the old and the new one.</summary>
    public event Action<RuntimeControls, RuntimeControls>? Changed;

    public RuntimeControls Current => Volatile.Read(ref _current);

    /// <summary>Applies <paramref name="change"/> to the current snapshot, validates it and makes it current with the next epoch.</summary>
    public RuntimeControls Update(Func<RuntimeControls, RuntimeControls> change)
    {
        RuntimeControls before, after;
        lock (_writeLock)
        {
            before = _current;
            after = change(before) with { Epoch = before.Epoch + 1 };
            RuntimeControlsValidator.ThrowIfInvalid(after);
            Volatile.Write(ref _current, after);
        }

        Changed?.Invoke(before, after);
        return after;
    }
}
