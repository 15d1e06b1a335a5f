namespace Mapper.Engine.Telemetry;

/// <summary>The <c>Slo</c> configuration section: the SLI window and the targets of contract §7.</summary>
public sealed class SloOptions
{
    public const string Section = "Slo";

    public int WindowMinutes { get; set; } = 5;

    public double SchemaValidMinPercent { get; set; } = 99.5;

    public double FallbackMaxPercent { get; set; } = 10;

    public double LatencyP95CpuSeconds { get; set; } = 0.25;

    public double LatencyP95GpuSeconds { get; set; } = 0.15;

    public double ErrorRateMaxPercent { get; set; } = 1;

    public double QueueLagAlertSeconds { get; set; } = 30;

    /// <summary>Days of per-minute SLI history kept in the store (error budgets and long-range charts).</summary>
    public int HistoryDays { get; set; } = 30;

    /// <summary>The SLO window the error budgets are counted over (at most <see cref="HistoryDays"/>).</summary>
    public int BudgetWindowDays { get; set; } = 28;

    /// <summary>How many recent decisions are kept for inspection (validation failures, what-if checks).</summary>
    public int RecentDecisions { get; set; } = Telemetry.RecentDecisions.DefaultCapacity;

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    public double LatencyP95Seconds(string profile) => profile == "gpu" ? LatencyP95GpuSeconds : LatencyP95CpuSeconds;

    /// <summary>Every problem at once, each naming the setting to fix.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (WindowMinutes is < 1 or > 60)
        {
            problems.Add($"{Section}:WindowMinutes must be within [1, 60], not {WindowMinutes}");
        }

        Percent(problems, nameof(SchemaValidMinPercent), SchemaValidMinPercent);
        Percent(problems, nameof(FallbackMaxPercent), FallbackMaxPercent);
        Percent(problems, nameof(ErrorRateMaxPercent), ErrorRateMaxPercent);
        Positive(problems, nameof(LatencyP95CpuSeconds), LatencyP95CpuSeconds);
        Positive(problems, nameof(LatencyP95GpuSeconds), LatencyP95GpuSeconds);
        Positive(problems, nameof(QueueLagAlertSeconds), QueueLagAlertSeconds);
        if (HistoryDays is < 1 or > 400)
        {
            problems.Add($"{Section}:HistoryDays must be within [1, 400], not {HistoryDays}");
        }

        if (BudgetWindowDays < 1 || BudgetWindowDays > HistoryDays)
        {
            problems.Add($"{Section}:BudgetWindowDays must be within [1, HistoryDays ({HistoryDays})], not {BudgetWindowDays}");
        }

        if (RecentDecisions is < 1 or > 1_000_000)
        {
            problems.Add($"{Section}:RecentDecisions must be within [1, 1000000], not {RecentDecisions}");
        }

        return problems;
    }

    private static void Percent(List<string> problems, string name, double value)
    {
        if (!(value is >= 0 and <= 100))
        {
            problems.Add($"{Section}:{name} must be within [0, 100], not {value}");
        }
    }

    private static void Positive(List<string> problems, string name, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            problems.Add($"{Section}:{name} must be a positive number, not {value}");
        }
    }
}
