using Mapper.Console.Monitoring.Budgets;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Tests.Monitoring;

/// <summary>Budget arithmetic against cases worked out by hand.</summary>
public sealed class ErrorBudgetTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 29, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(28);

    [Fact]
    public void Compute_HalfTheBudgetSpent_LeavesFiftyPercentAndBurnsAtTheRecentRate()
    {
        // 28 days of 1,000 5xx-counted responses a day... kept simple: one old minute and one recent one.
        // Old: 100,000 responses, 400 errors. Recent (last 5 min): 10,000 responses, 100 errors.
        // Window: 110,000 responses, 500 errors; allowed 1 % → 1,100 bad; 500/1,100 spent → 54.5 % left.
        // Burn over 5 m: (100 / 10,000) / 1 % = 1.0; over 1 h and 6 h the same minute is all there is: 1.0.
        var budgets = Budgets(
            Minute(Now - TimeSpan.FromDays(10), responses: 100_000, errors: 400),
            Minute(Now - TimeSpan.FromMinutes(2), responses: 10_000, errors: 100));

        var http = budgets.Single(b => b.Slo == ErrorBudgets.Http5xx);

        Assert.Equal(99, http.ObjectivePercent);
        Assert.Equal(1100, http.BudgetEvents, precision: 6);
        Assert.Equal(1 - (500.0 / 1100), http.Remaining!.Value, precision: 9);
        Assert.Equal(1.0, http.BurnRates[ErrorBudgets.FiveMinutes]!.Value, precision: 9);
        Assert.Equal(1.0, http.BurnRates[ErrorBudgets.OneHour]!.Value, precision: 9);

        // At burn 1 the remaining 54.5 % lasts 54.5 % of the 28-day window.
        Assert.Equal(Window.TotalHours * (1 - (500.0 / 1100)), http.TimeToExhaustion!.Value.TotalHours, precision: 6);
    }

    [Fact]
    public void Compute_SchemaValid_CountsModelOutputsOnly()
    {
        // 2,000 model outputs of which 20 invalid; objective 99.5 % → 10 allowed → overspent twice over: remaining -100 %.
        var budgets = Budgets(new ErrorBudgets.Minute(Now - TimeSpan.FromMinutes(30), 5_000, 0, 0, 1_980, 20, 5_000, 0));

        var schema = budgets.Single(b => b.Slo == ErrorBudgets.SchemaValid);

        Assert.Equal(2000, schema.InWindow.Total);
        Assert.Equal(-1.0, schema.Remaining!.Value, precision: 9);
        Assert.Null(schema.TimeToExhaustion);
        Assert.Equal((20.0 / 2000) / 0.005, schema.BurnRates[ErrorBudgets.OneHour]!.Value, precision: 9);
        Assert.Null(schema.BurnRates[ErrorBudgets.FiveMinutes]);
    }

    [Fact]
    public void Compute_KillSwitchFallbacks_DoNotBurnTheFallbackBudget()
    {
        // 1,000 requests, 900 fallbacks of which 800 by the kill switch: 200 counted requests, 100 bad; allowed 10 % → 20.
        var budgets = Budgets(new ErrorBudgets.Minute(Now - TimeSpan.FromHours(2), 1_000, 900, 800, 0, 0, 1_000, 0));

        var fallback = budgets.Single(b => b.Slo == ErrorBudgets.Fallback);

        Assert.Equal((200L, 100L), (fallback.InWindow.Total, fallback.InWindow.Bad));
        Assert.Equal(1 - (100 / 20.0), fallback.Remaining!.Value, precision: 9);
        Assert.Equal((100 / 200.0) / 0.1, fallback.BurnRates[ErrorBudgets.SixHours]!.Value, precision: 9);
        Assert.Null(fallback.BurnRates[ErrorBudgets.OneHour]);
    }

    [Fact]
    public void Compute_NoEvents_SaysSoInsteadOfAFullBudget()
    {
        var http = Budgets().Single(b => b.Slo == ErrorBudgets.Http5xx);

        Assert.Null(http.Remaining);
        Assert.Null(http.TimeToExhaustion);
        Assert.All(http.BurnRates.Values, r => Assert.Null(r));
    }

    [Fact]
    public void Compute_MinutesOlderThanTheWindow_AreLeftOut()
    {
        var http = Budgets(Minute(Now - TimeSpan.FromDays(29), responses: 1_000, errors: 1_000), Minute(Now - TimeSpan.FromDays(1), responses: 1_000, errors: 0))
            .Single(b => b.Slo == ErrorBudgets.Http5xx);

        Assert.Equal((1000L, 0L), (http.InWindow.Total, http.InWindow.Bad));
        Assert.Equal(1.0, http.Remaining);
    }

    private static IReadOnlyList<ErrorBudget> Budgets(params ErrorBudgets.Minute[] minutes) =>
        ErrorBudgets.Compute(minutes, Now, Window, new SloOptions());

    private static ErrorBudgets.Minute Minute(DateTimeOffset at, long responses, long errors) => new(at, 0, 0, 0, 0, 0, responses, errors);
}
