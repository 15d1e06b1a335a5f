namespace Mapper.Engine.Telemetry;

/// <summary>
/// Fixed, geometric latency bins (each 10% wider than the last, from 0.1 ms to about a minute), so a
/// window's p95 is exact to within 10% with bounded memory, and windows merge by adding counts.
/// </summary>
internal static class LatencyBins
{
    private const double Smallest = 0.0001;
    private const double Ratio = 1.1;

    public static readonly int Count = (int)Math.Ceiling(Math.Log(60.0 / Smallest) / Math.Log(Ratio)) + 1;

    public static int Index(double seconds)
    {
        if (!(seconds > Smallest))
        {
            return 0;
        }

        var index = (int)Math.Ceiling(Math.Log(seconds / Smallest) / Math.Log(Ratio));
        return Math.Min(index, Count - 1);
    }

    /// <summary>The upper bound of a bin: the p95 reported is never below the true one.</summary>
    public static double UpperBound(int index) => Smallest * Math.Pow(Ratio, index);

    public static double? Percentile(long[] counts, double quantile)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return UpperBound(i);
            }
        }

        return UpperBound(counts.Length - 1);
    }
}
