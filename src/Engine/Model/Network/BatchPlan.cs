namespace Mapper.Engine.Model.Network;

/// <summary>
/// Splits a batch (sorted by feature count) into ONNX runs. Every item of a run is padded to the run's
/// widest item, and the graph's Gather/Mul/ReduceSum cost grows with rows × width, so one run over mixed
/// lengths spends most of its time on padding. Each extra run costs a fixed overhead instead; the plan
/// starts a new run when widening the current one would pad more slots than that overhead is worth.
/// </summary>
public static class BatchPlan
{
    /// <summary>A run's fixed cost in padded feature slots (measured: about 15 µs per run vs about 0.1 µs per slot).</summary>
    public const int OverheadSlots = 128;

    /// <summary>The end (exclusive) of the run that starts at <paramref name="start"/>.</summary>
    public static int RunEnd(ReadOnlySpan<int> sortedWidths, int start, int overheadSlots = OverheadSlots)
    {
        var end = start + 1;
        while (end < sortedWidths.Length && (long)(sortedWidths[end] - sortedWidths[end - 1]) * (end - start) <= overheadSlots)
        {
            end++;
        }

        return end;
    }
}
