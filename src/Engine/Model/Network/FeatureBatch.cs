namespace Mapper.Engine.Model.Network;

/// <summary>
/// The graph's batched input encoding: ids padded to the widest item, with weight 1/count for a real id
/// and 0 for padding, so a plain weighted sum is each item's mean embedding.
/// </summary>
public sealed class FeatureBatch
{
    private FeatureBatch(long[] ids, float[] weights, int count, int width)
    {
        Ids = ids;
        Weights = weights;
        Count = count;
        Width = width;
    }

    public long[] Ids { get; }

    public float[] Weights { get; }

    public int Count { get; }

    public int Width { get; }

    public static FeatureBatch Create(IReadOnlyList<int[]> items)
    {
        var width = Math.Max(1, items.Count == 0 ? 1 : items.Max(i => i.Length));
        var ids = new long[items.Count * width];
        var weights = new float[items.Count * width];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Length == 0)
            {
                continue;
            }

            var weight = 1f / item.Length;
            for (var j = 0; j < item.Length; j++)
            {
                ids[(i * width) + j] = item[j];
                weights[(i * width) + j] = weight;
            }
        }

        return new FeatureBatch(ids, weights, items.Count, width);
    }
}
