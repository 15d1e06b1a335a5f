using Mapper.Console.Monitoring.Alerts;
using Mapper.Console.Monitoring.Budgets;
using Mapper.Console.Store;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Admin;

/// <summary>One alert as scripts read it.</summary>
public sealed record AlertView(string Name, string State, double? Value, double Threshold, string Condition, string For, DateTimeOffset Since, string Severity, string Runbook, string? Note, string Summary);

public sealed record AlertsView(IReadOnlyList<AlertView> Alerts, IReadOnlyList<BudgetView> Budgets);

public sealed record BudgetView(string Slo, double ObjectivePercent, double WindowDays, long Events, long BadEvents, double? RemainingPercent, IReadOnlyDictionary<string, double?> BurnRates, double? HoursToExhaustion);

/// <summary><c>/api/v1/alerts</c>: every alert now (with its runbook link) and the error budgets; <c>/history</c> its transitions.</summary>
public static class AlertsEndpoints
{
    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/alerts").WithTags("alerts");
        group.MapGet("", async (HttpContext c, AlertEvaluator alerts, ErrorBudgets budgets) =>
        {
            var runbookBase = $"{c.Request.Scheme}://{c.Request.Host}";
            var views = alerts.Current.Select(a => View(a, runbookBase)).ToList();
            var budgetViews = (await budgets.CurrentAsync(c.RequestAborted)).Select(View).ToList();
            return Results.Json(new AlertsView(views, budgetViews), AdminJson.Responses);
        }).WithSummary("Every alert: state, value, threshold, since, severity, runbook link; and the error budgets").Produces<AlertsView>();

        group.MapGet("/history", async (IDbContextFactory<MapperDbContext> store, string? alert, int? size, CancellationToken ct) =>
        {
            await using var db = await store.CreateDbContextAsync(ct);
            var query = db.AlertTransitions.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(alert))
            {
                query = query.Where(t => t.Alert == alert);
            }

            return Results.Json(await query.OrderByDescending(t => t.Id).Take(Math.Clamp(size ?? 100, 1, 1000)).ToListAsync(ct), AdminJson.Responses);
        }).WithSummary("Alert transitions, newest first (when, from, to, value, how long the previous state lasted)").Produces<List<AlertTransition>>();
        return api;
    }

    public static AlertView View(AlertStatus a, string consoleUrl) => new(
        a.Name, a.StateName, a.Value, a.Definition.Threshold, a.Definition.ConditionText, AlertOptions.PrometheusDuration(a.Definition.For),
        a.Since, a.Definition.Severity, consoleUrl + a.RunbookLink, a.Note, a.Definition.Summary);

    public static BudgetView View(ErrorBudget b) => new(
        b.Slo, b.ObjectivePercent, b.Window.TotalDays, b.InWindow.Total, b.InWindow.Bad, b.Remaining * 100, b.BurnRates, b.TimeToExhaustion?.TotalHours);
}
