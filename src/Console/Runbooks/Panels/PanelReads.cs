using Mapper.Console.Actions;
using Mapper.Console.Store;
using Mapper.Engine.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Runbooks.Panels;

/// <summary>A model answer validation refused: metadata only (detector, confidence, what the checks said).</summary>
public sealed record ValidationFailure(DateTimeOffset At, string Detector, double? Confidence, IReadOnlyList<string> Errors);

/// <summary>The recent refusals, and how they split by detector and by check.</summary>
public sealed record ValidationFailures(IReadOnlyList<ValidationFailure> Latest, IReadOnlyList<(string Detector, int Count)> ByDetector, IReadOnlyList<(string Check, int Count)> ByCheck, int Held);

/// <summary>The reads behind the runbook panels that are not in the sample itself.</summary>
public sealed class PanelReads(MapperTelemetry telemetry, IDbContextFactory<MapperDbContext> store)
{
    public const int LatestFailures = 20;
    public const int RecentChanges = 10;

    /// <summary>From the recent-decisions ring (the last <see cref="RecentDecisions.Capacity"/> decisions), newest first.</summary>
    public ValidationFailures Failures()
    {
        var held = telemetry.Recent.Snapshot();
        var refused = held.Where(d => d.ModelOutputValid == false).Reverse().ToList();
        return new ValidationFailures(
            [.. refused.Take(LatestFailures).Select(d => new ValidationFailure(d.At, d.Detector, d.ModelConfidence, d.ValidationErrors))],
            [.. refused.GroupBy(d => d.Detector).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2)],
            [.. refused.SelectMany(d => d.ValidationErrors.Select(Check).Distinct()).GroupBy(c => c).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2)],
            held.Count);
    }

    /// <summary>The newest audit rows except the runbooks' own bookkeeping (runs and step checks are on the page already).</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentChangesAsync(CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        return await db.Audit.AsNoTracking()
            .Where(e => e.Action != StartRunbookRun.ActionName && e.Action != CheckRunbookStep.ActionName)
            .OrderByDescending(e => e.Id)
            .Take(RecentChanges)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Which of the three checks a validation error comes from (the validator's own wording).</summary>
    public static string Check(string error) =>
        error.StartsWith("taxonomy has label", StringComparison.Ordinal) ? "taxonomy membership"
        : error.StartsWith("scores ", StringComparison.Ordinal) || error.StartsWith("confidence ", StringComparison.Ordinal) ? "score rules"
        : "JSON Schema";
}
