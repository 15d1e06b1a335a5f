using System.Diagnostics;

namespace Mapper.Engine.Model.Network;

/// <summary>
/// Where a batched prediction's time goes, accumulated over calls (Stopwatch ticks). Only the benchmark
/// passes one; the serving path passes null and pays nothing for it.
/// </summary>
public sealed class PredictTimings
{
    public long FeaturizeTicks { get; private set; }

    public long TensorTicks { get; private set; }

    public long RunTicks { get; private set; }

    public long DecodeTicks { get; private set; }

    public long Items { get; private set; }

    public long Runs { get; private set; }

    internal void Add(long featurize, long tensor, long run, long decode, long items, long runs)
    {
        FeaturizeTicks += featurize;
        TensorTicks += tensor;
        RunTicks += run;
        DecodeTicks += decode;
        Items += items;
        Runs += runs;
    }

    public static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
