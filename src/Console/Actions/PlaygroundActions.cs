using System.Globalization;
using Mapper.Console.Api;
using Mapper.Console.Playground;
using Mapper.Console.Store;
using Mapper.Engine.Data;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Actions;

/// <summary>
/// The playground's actions: recording a run (metadata only), and saving or deleting a regression case. A saved
/// case is checked as the API checks a request (detector length, the raw-content guard always on, the label
/// limits) and its expected labels against the taxonomy, so the store never keeps what /map would refuse.
/// </summary>
public sealed class PlaygroundActions(ApiOptions api, EngineDataProvider data) : IActionHandler
{
    /// <summary>Every case runs in every activation's gate; this keeps that bounded.</summary>
    public const int MaxCases = 1000;

    public bool Handles(OperatorCommand command) => command is RecordPlaygroundRun or SaveRegressionCase or DeleteRegressionCase;

    public async Task<ActionPlan> PlanAsync(OperatorCommand command, ActionScope scope) => command switch
    {
        RecordPlaygroundRun run => new ActionPlan(null, run.Summary) { Detail = "overrides: " + run.Overrides, Message = "playground run recorded" },
        SaveRegressionCase save => await SaveAsync(save, scope),
        DeleteRegressionCase delete => await DeleteAsync(delete, scope),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private async Task<ActionPlan> SaveAsync(SaveRegressionCase save, ActionScope scope)
    {
        var (request, problem) = PlaygroundChecks.Check(new PlaygroundInput(save.Detector, save.Output), api, alwaysGuard: true);
        if (request is null)
        {
            throw ActionRefusedException.Invalid(problem!);
        }

        if (string.IsNullOrWhiteSpace(request.Output))
        {
            throw ActionRefusedException.Invalid("output: required, the detector's label(s)");
        }

        var labels = ExpectedLabels(save.ExpectedLabels);
        var description = save.Description?.Trim() is { Length: > 0 } d ? d : null;
        if (description is { Length: > RegressionCase.MaxDescriptionLength } || (description?.Any(char.IsControl) ?? false))
        {
            throw ActionRefusedException.Invalid($"description: one line of at most {RegressionCase.MaxDescriptionLength} characters");
        }

        var cases = scope.Db.RegressionCases.AsNoTracking();
        var kept = await cases.Where(c => c.DeletedAt == null).Select(c => new { c.Id, c.Detector, c.Output }).ToListAsync(scope.CancellationToken);
        if (kept.FirstOrDefault(c => c.Output == request.Output && string.Equals(c.Detector, request.Detector, StringComparison.OrdinalIgnoreCase)) is { } twin)
        {
            throw ActionRefusedException.Invalid($"case {twin.Id} already holds this detector and output; delete it first to change its labels");
        }

        if (kept.Count >= MaxCases)
        {
            throw ActionRefusedException.Invalid($"{MaxCases} regression cases are saved already, the most every activation runs; delete some first");
        }

        var id = (await cases.MaxAsync(c => (long?)c.Id, scope.CancellationToken) ?? 0) + 1;
        var saved = new RegressionCase
        {
            Id = id, Detector = request.Detector, Output = request.Output, ExpectedLabels = string.Join('|', labels), Description = description,
            CreatedBy = scope.Actor.Actor.Name, CreatedAt = scope.Now,
        };
        return new ActionPlan("none", Describe(saved))
        {
            Message = $"saved as regression case {id}: every adapter activation must now map it to {saved.ExpectedLabels}",
            Created = id.ToString(CultureInfo.InvariantCulture),
            Write = async s =>
            {
                s.Db.RegressionCases.Add(saved);
                await s.Db.SaveChangesAsync(s.CancellationToken);
            },
        };
    }

    private static async Task<ActionPlan> DeleteAsync(DeleteRegressionCase delete, ActionScope scope)
    {
        var found = await scope.Db.RegressionCases.FirstOrDefaultAsync(c => c.Id == delete.CaseId && c.DeletedAt == null, scope.CancellationToken)
            ?? throw ActionRefusedException.Invalid($"case: no saved regression case {delete.CaseId}");
        return new ActionPlan(Describe(found), "deleted")
        {
            Message = $"regression case {found.Id} deleted; later activations no longer run it",
            Write = async s =>
            {
                // The tombstone keeps the id and the labels; the output goes with the case.
                found.DeletedAt = scope.Now;
                found.DeletedBy = scope.Actor.Actor.Name;
                found.Output = "";
                await s.Db.SaveChangesAsync(s.CancellationToken);
            },
        };
    }

    private List<string> ExpectedLabels(IReadOnlyList<string> given)
    {
        var taxonomy = data.Current.Data.Taxonomy;
        var labels = given.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (labels.Count == 0 || labels.Count > api.MaxLabelsPerOutput)
        {
            throw ActionRefusedException.Invalid($"expected labels: 1 to {api.MaxLabelsPerOutput} labels of the taxonomy (Api:MaxLabelsPerOutput)");
        }

        if (labels.FirstOrDefault(l => !taxonomy.Contains(l)) is { } unknown)
        {
            throw ActionRefusedException.Invalid($"expected labels: '{FieldPath.Printable(unknown)}' is not a label of taxonomy {taxonomy.Version}");
        }

        return labels;
    }

    /// <summary>Metadata only: the id, the detector and the labels, never the output.</summary>
    private static string Describe(RegressionCase c) => $"case {c.Id}: {c.Detector} → {c.ExpectedLabels}";
}
