using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Mapper.Engine.Model.Serving;

/// <summary>
/// The answers one adapter has already given, so a label it has seen is answered without a model run. Detectors
/// speak a small vocabulary, so most live traffic repeats, and a hit costs a hash instead of a queue and a run.
/// <para>
/// Each <see cref="AdapterHandle"/> owns one: a swap or a rollback starts empty by construction, and a prediction
/// is only ever served under the adapter that made it. Keys are the first 128 bits of a SHA-256 over detector and
/// label, never the text, so no raw detector output is kept. The size is bounded by two generations: when the
/// young one is full it becomes the old one and the old one is dropped; a hit in the old one is copied to the
/// young one, so what is still in use survives a turn.
/// </para>
/// </summary>
public sealed class PredictionCache
{
    private readonly int _generationSize;
    private readonly Lock _turnLock = new();
    private Generation _young = new();
    private Generation _old = new();

    /// <param name="capacity">Most entries kept (both generations together); 0 keeps none.</param>
    public PredictionCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _generationSize = capacity / 2;
    }

    public bool Enabled => _generationSize > 0;

    /// <summary>Entries held now (both generations; an entry in both counts twice).</summary>
    public int Count => Volatile.Read(ref _young).Count + Volatile.Read(ref _old).Count;

    /// <summary>Every input's prediction in order when all of them are known, otherwise null (the batch runs whole).</summary>
    public ModelPrediction[]? TryAnswer(IReadOnlyList<ModelInput> inputs)
    {
        if (!Enabled)
        {
            return null;
        }

        var predictions = new ModelPrediction[inputs.Count];
        for (var i = 0; i < predictions.Length; i++)
        {
            if (!TryGet(KeyOf(inputs[i]), out predictions[i]))
            {
                return null;
            }
        }

        return predictions;
    }

    /// <summary>Remembers what the adapter answered for each input (same order, same count).</summary>
    public void Remember(IReadOnlyList<ModelInput> inputs, IReadOnlyList<ModelPrediction> predictions)
    {
        if (!Enabled)
        {
            return;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            Add(KeyOf(inputs[i]), predictions[i]);
        }
    }

    private bool TryGet(UInt128 key, out ModelPrediction prediction)
    {
        if (Volatile.Read(ref _young).Entries.TryGetValue(key, out prediction!))
        {
            return true;
        }

        if (Volatile.Read(ref _old).Entries.TryGetValue(key, out prediction!))
        {
            Add(key, prediction);
            return true;
        }

        return false;
    }

    private void Add(UInt128 key, ModelPrediction prediction)
    {
        var young = Volatile.Read(ref _young);
        if (young.Entries.TryAdd(key, prediction) && Interlocked.Increment(ref young.Added) >= _generationSize)
        {
            Turn(young);
        }
    }

    /// <summary>The full young generation becomes the old one; only the first caller to see it full turns it.</summary>
    private void Turn(Generation full)
    {
        lock (_turnLock)
        {
            if (!ReferenceEquals(_young, full))
            {
                return;
            }

            Volatile.Write(ref _old, full);
            Volatile.Write(ref _young, new Generation());
        }
    }

    /// <summary>128 bits of SHA-256 over detector, a separator no name contains, and label (UTF-16).</summary>
    private static UInt128 KeyOf(ModelInput input)
    {
        var length = input.Detector.Length + 1 + input.RawLabel.Length;
        char[]? rented = null;
        var text = length <= 256 ? stackalloc char[length] : (rented = ArrayPool<char>.Shared.Rent(length)).AsSpan(0, length);
        input.Detector.AsSpan().CopyTo(text);
        text[input.Detector.Length] = '\0';
        input.RawLabel.AsSpan().CopyTo(text[(input.Detector.Length + 1)..]);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(text), hash);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return MemoryMarshal.Read<UInt128>(hash);
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<UInt128, ModelPrediction> Entries = new();
        public int Added;

        public int Count => Volatile.Read(ref Added);
    }
}
