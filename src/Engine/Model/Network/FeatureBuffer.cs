using System.Buffers;
using Mapper.Engine.Model.Features;

namespace Mapper.Engine.Model.Network;

/// <summary>
/// The feature ids of one batch in a single pooled buffer (no array per item), and an order of the items
/// by feature count so that <see cref="BatchPlan"/> can run items of similar width together.
/// </summary>
internal sealed class FeatureBuffer : IDisposable
{
    // Typical labels have 40 to 120 ids; the buffer grows when a batch needs more.
    private const int ExpectedIdsPerItem = 128;

    private int[] _ids;
    private int _used;

    public FeatureBuffer(int capacity)
    {
        _ids = ArrayPool<int>.Shared.Rent(Math.Max(capacity * ExpectedIdsPerItem, LabelFeaturizer.MaxFeatureCount));
        Starts = ArrayPool<int>.Shared.Rent(capacity);
        Order = ArrayPool<int>.Shared.Rent(capacity);
        SortedCounts = ArrayPool<int>.Shared.Rent(capacity);
    }

    public int Count { get; private set; }

    public int[] Starts { get; }

    /// <summary>Item indices in ascending order of feature count, after <see cref="SortByWidth"/>.</summary>
    public int[] Order { get; }

    /// <summary>Feature counts: by item until <see cref="SortByWidth"/>, then in <see cref="Order"/>.</summary>
    public int[] SortedCounts { get; }

    public void Add(LabelFeaturizer featurizer, ModelInput input)
    {
        if (_used + LabelFeaturizer.MaxFeatureCount > _ids.Length)
        {
            var larger = ArrayPool<int>.Shared.Rent(_ids.Length * 2);
            _ids.AsSpan(0, _used).CopyTo(larger);
            ArrayPool<int>.Shared.Return(_ids);
            _ids = larger;
        }

        var count = featurizer.FeaturizeInto(input.Detector, input.RawLabel, _ids.AsSpan(_used));
        Starts[Count] = _used;
        SortedCounts[Count] = count;
        Order[Count] = Count;
        Count++;
        _used += count;
    }

    public ReadOnlySpan<int> Ids(int item, int count) => _ids.AsSpan(Starts[item], count);

    public void SortByWidth() => Array.Sort(SortedCounts, Order, 0, Count);

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_ids);
        ArrayPool<int>.Shared.Return(Starts);
        ArrayPool<int>.Shared.Return(Order);
        ArrayPool<int>.Shared.Return(SortedCounts);
    }
}
