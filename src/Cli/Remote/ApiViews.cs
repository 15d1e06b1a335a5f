using System.Text.Json;

namespace Mapper.Cli.Remote;

// The admin API's answers as far as the text output reads them. Extra fields are ignored, so a newer console
// still works with this tool; JSON output prints the console's own object, not these.

public sealed record ActionResult(string Status, string Message, long? AuditId, long Epoch, string? Created, string? Secret);

public sealed record Setting<T>(T Value, string? ChangedBy, DateTimeOffset? ChangedAt, string? Reason, long? AuditId);

public sealed record KillSwitchState(bool On, string? By, string? Reason, DateTimeOffset? SinceAt, DateTimeOffset? RevertAt);

public sealed record DetectorThreshold(string Detector, double Value, string? ChangedBy, DateTimeOffset? ChangedAt, string? Reason);

public sealed record Controls(long Epoch, Setting<string> Mode, KillSwitchState KillSwitch, Setting<double> Threshold, IReadOnlyList<DetectorThreshold> DetectorThresholds);

public sealed record AdapterMetricsView(
    int CalibrationCases, double CalibrationAccuracy, double ExpectedCalibrationError, double Threshold, double AccuracyAtThreshold, double Coverage, double RuleRowAccuracy);

public sealed record AdapterVersionView(string Id, string Version, string? ParentVersion, DateTimeOffset Created, int TrainingRows, long ModelSizeBytes, AdapterMetricsView Metrics)
{
    public string Name => Id + "@" + Version;
}

public sealed record AdapterServedView(int Revision, string Adapter, string Kind, string From, string Actor, string? Reason, DateTimeOffset ActivatedAt, DateTimeOffset? DeactivatedAt, long AuditId);

public sealed record Adapters(
    string? Active, int Revision, string State, string? LastError, IReadOnlyList<AdapterVersionView> Versions, IReadOnlyList<AdapterServedView> History, IReadOnlyList<string>? Unreadable);

public sealed record AuditRow(
    long Id, DateTimeOffset OccurredAt, string Actor, string Role, string Door, string Action, string Target, string? OldValue, string? NewValue,
    string? Reason, string Result, string? Detail, long Epoch);

public sealed record AuditRows(IReadOnlyList<AuditRow> Rows, int Total, int Page, int Size);

public sealed record AuditBreakView(long RowId, long VerifiedRows, string Problem);

public sealed record AuditVerdict(bool Intact, long Rows, AuditBreakView? Break);

public sealed record Account(string Name, string Role, bool Disabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

public sealed record Me(string Name, string Role, long? TokenId);

public sealed record TokenInfo(long Id, string Name, string Prefix, string User, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

public static class ApiViews
{
    /// <summary>How the console writes: snake_case, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

// Request bodies, as the admin API's AdminBodies declare them (the API refuses unknown fields).

public sealed record KillSwitchRequest(bool On, string Reason, double? RevertAfterMinutes, long? ExpectedEpoch);

public sealed record ThresholdRequest(double Value, string Reason, long? ExpectedEpoch);

public sealed record ReasonRequest(string Reason, long? ExpectedEpoch);

public sealed record ActivateRequest(string Version, string? Id, string Reason, long? ExpectedEpoch);

public sealed record RollbackRequest(string Version, string Reason, long? ExpectedEpoch);

public sealed record NewUserRequest(string Name, string Role, string Password, string Reason);

public sealed record NewTokenRequest(string User, string Password, string? Name, double? LifetimeDays);
