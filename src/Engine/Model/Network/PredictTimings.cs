using System.Diagnostics;

namespace Mapper.Engine.Model.Network;

/// <summary>
/// Where a batched prediction's time goes, accumulated over calls (Stopwatch ticks). Only the benchmark
/// passes one; the serving path passes null and pays nothing for it.
/// </summary>
public sealed class PredictTimings
{
    public long FeaturizeTicks { get; internal set; }

    public long TensorTicks { get; internal set; }

    public long RunTicks { get; internal set; }

    public long DecodeTicks { get; internal set; }

    public long Items { get; internal set; }

    public long Runs { get; internal set; }

    public static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
