using System.Globalization;
using Mapper.Console.Identity;

namespace Mapper.Console.Actions;

/// <summary>
/// A playground run, audited as metadata only: the canonical detector, how it was answered, the labels and the
/// confidences, the threshold and the overrides. Never the output that was mapped. It changes nothing live.
/// </summary>
public sealed record RecordPlaygroundRun(
    string Detector,
    string Route,
    string? FallbackReason,
    IReadOnlyList<string> Labels,
    double Confidence,
    IReadOnlyList<string>? ModelLabels,
    double? ModelConfidence,
    double Threshold,
    string Overrides) : OperatorCommand
{
    public override string Action => "playground.run";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => "playground:" + Detector;

    public override bool NeedsReason => false;

    /// <summary>What the audit row records as the run's result.</summary>
    public string Summary
    {
        get
        {
            var model = ModelLabels is { } labels ? $"; model said {string.Join('|', labels)} at {Number(ModelConfidence ?? 0)}" : "";
            var reason = FallbackReason is { } r ? $" ({r})" : "";
            return $"{Route}{reason}: {string.Join('|', Labels)} at {Number(Confidence)}{model}; threshold {Number(Threshold)}";
        }
    }

    private static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>
/// Saves a detector output and the labels it must map to as a regression case. The output is stored (the one
/// deliberate exception to "metadata only", checked like an API request); the audit row holds the detector, the
/// expected labels and the case id. The description says why the case exists, so no separate reason is asked.
/// </summary>
public sealed record SaveRegressionCase(string Detector, string Output, IReadOnlyList<string> ExpectedLabels, string? Description) : OperatorCommand
{
    public override string Action => "regression_cases.save";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => "regression_cases";

    public override bool NeedsReason => false;
}

/// <summary>Removes a case from every later activation's smoke set: that weakens the gate, so it takes a reason.</summary>
public sealed record DeleteRegressionCase(long CaseId) : OperatorCommand
{
    public override string Action => "regression_cases.delete";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => "regression_case:" + CaseId.ToString(CultureInfo.InvariantCulture);
}
