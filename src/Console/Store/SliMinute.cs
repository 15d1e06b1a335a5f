namespace Mapper.Console.Store;

/// <summary>
/// One minute of the SLIs, kept for the SLO window: the counts that happened in that minute (error budgets add
/// them up) and the rolling-window values at its end (long-range history charts). A minute with no row is a
/// minute the console was not running.
/// </summary>
public sealed class SliMinute
{
    public DateTimeOffset MinuteStart { get; set; }

    public long Requests { get; set; }

    public long Fallbacks { get; set; }

    /// <summary>Fallbacks by the kill switch (an operator's choice): not counted against the fallback budget.</summary>
    public long ChosenFallbacks { get; set; }

    public long ModelValid { get; set; }

    public long ModelInvalid { get; set; }

    public long HttpResponses { get; set; }

    public long Http5xx { get; set; }

    public double? SchemaValidPercent { get; set; }

    public double? FallbackPercent { get; set; }

    public double? P95LatencySeconds { get; set; }

    public double? Http5xxPercent { get; set; }

    public double MaxQueueLagSeconds { get; set; }
}
