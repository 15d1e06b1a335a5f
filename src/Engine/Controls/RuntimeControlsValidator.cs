namespace Mapper.Engine.Controls;

/// <summary>Bounds for every runtime control; a snapshot outside them is never made current.</summary>
public static class RuntimeControlsValidator
{
    public static readonly TimeSpan MinModelTimeBudget = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxModelTimeBudget = TimeSpan.FromMilliseconds(5000);
    public const int MaxBatchSizeLimit = 1024;
    public static readonly TimeSpan MaxBatchWaitLimit = TimeSpan.FromMilliseconds(100);

    /// <summary>Every problem with <paramref name="controls"/>, each naming the control to fix.</summary>
    public static IReadOnlyList<string> Problems(RuntimeControls controls)
    {
        var problems = new List<string>();
        if (!IsThreshold(controls.GlobalThreshold))
        {
            problems.Add($"threshold: {controls.GlobalThreshold} is outside [0, 1]");
        }

        foreach (var (detector, threshold) in controls.DetectorThresholds)
        {
            if (string.IsNullOrWhiteSpace(detector))
            {
                problems.Add("detector threshold: detector name is empty");
            }
            else if (!IsThreshold(threshold))
            {
                problems.Add($"threshold for '{detector}': {threshold} is outside [0, 1]");
            }
        }

        if (controls.ModelTimeBudget < MinModelTimeBudget || controls.ModelTimeBudget > MaxModelTimeBudget)
        {
            problems.Add($"model time budget: {controls.ModelTimeBudget.TotalMilliseconds} ms is outside [100, 5000] ms");
        }

        if (controls.MaxBatchSize is < 1 or > MaxBatchSizeLimit)
        {
            problems.Add($"max batch size: {controls.MaxBatchSize} is outside [1, {MaxBatchSizeLimit}]");
        }

        if (controls.MaxBatchWait < TimeSpan.Zero || controls.MaxBatchWait > MaxBatchWaitLimit)
        {
            problems.Add($"max batch wait: {controls.MaxBatchWait.TotalMilliseconds} ms is outside [0, 100] ms");
        }

        if (controls.AdapterRevision < 0 || (controls.AdapterRevision == 0) != (controls.ActiveAdapter is null))
        {
            problems.Add($"adapter revision: {controls.AdapterRevision} does not fit active adapter '{controls.ActiveAdapter ?? "none"}'");
        }

        return problems;
    }

    public static void ThrowIfInvalid(RuntimeControls controls)
    {
        var problems = Problems(controls);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(controls));
        }
    }

    private static bool IsThreshold(double value) => value is >= RuntimeControls.MinThreshold and <= RuntimeControls.MaxThreshold;
}
