namespace Mapper.Console.Monitoring.Budgets;

/// <summary>Good and bad events of one ratio SLI over some span.</summary>
public readonly record struct EventCounts(long Total, long Bad)
{
    public static EventCounts operator +(EventCounts a, EventCounts b) => new(a.Total + b.Total, a.Bad + b.Bad);

    public double? BadFraction => Total == 0 ? null : (double)Bad / Total;
}

/// <summary>
/// One SLO's error budget over its window: the objective allows a fraction of events to be bad; the budget is that
/// fraction of the window's events, and it burns as bad events happen. Burn rate 1 spends the budget exactly over
/// the window; 14.4 spends a 28-day budget in under two days.
/// </summary>
public sealed record ErrorBudget(
    string Slo,
    double ObjectivePercent,
    TimeSpan Window,
    EventCounts InWindow,
    IReadOnlyDictionary<string, double?> BurnRates,
    IReadOnlyDictionary<string, EventCounts> Recent)
{
    /// <summary>Share of events allowed to be bad: 0.005 for 99.5 %.</summary>
    public double Allowed => (100 - ObjectivePercent) / 100;

    /// <summary>Bad events the window allows for the events it had.</summary>
    public double BudgetEvents => Allowed * InWindow.Total;

    /// <summary>Share of the budget left: 1 untouched, 0 spent, below 0 overspent; null with no events at all.</summary>
    public double? Remaining => InWindow.Total == 0 ? null : 1 - (InWindow.Bad / BudgetEvents);

    /// <summary>At the last hour's burn rate, how long until the budget is spent; null when it is not being spent (or already is).</summary>
    public TimeSpan? TimeToExhaustion =>
        Remaining is { } left && left > 0 && BurnRates.GetValueOrDefault(ErrorBudgets.OneHour) is { } rate && rate > 0
            ? Window * (left / rate)
            : null;

    public static double? BurnRate(EventCounts counts, double allowed) => counts.BadFraction is { } bad && allowed > 0 ? bad / allowed : null;
}
