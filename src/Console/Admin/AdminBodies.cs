namespace Mapper.Console.Admin;

// Request bodies of the admin API. Every change carries a reason (the one free text a person writes, kept in the
// audit log) and may carry the epoch the caller saw, so a change made by someone else since is refused as stale.

public sealed record KillSwitchBody(bool On, string? Reason = null, double? RevertAfterMinutes = null, long? ExpectedEpoch = null);

public sealed record ThresholdBody(double Value, string? Reason = null, long? ExpectedEpoch = null);

public sealed record ReasonBody(string? Reason = null, long? ExpectedEpoch = null);

public sealed record BatchLimitsBody(int MaxBatchSize, double MaxBatchWaitMs, string? Reason = null, long? ExpectedEpoch = null);

public sealed record RestoreBody(DateTimeOffset At, string? Reason = null, long? ExpectedEpoch = null);

public sealed record ActivateBody(string Version, string? Id = null, string? Reason = null, long? ExpectedEpoch = null);

public sealed record RollbackBody(string Version, string? Reason = null, long? ExpectedEpoch = null);

public sealed record TrainingBody(bool Activate = false, string? Reason = null);

public sealed record NewUserBody(string Name, string Role, string Password, string? Reason = null);

public sealed record RoleBody(string Role, string? Reason = null);

public sealed record DisabledBody(bool Disabled, string? Reason = null);

public sealed record PasswordBody(string Password, string? Reason = null);

/// <summary>
/// <c>POST /api/v1/tokens</c>: with <see cref="User"/> and <see cref="Password"/> (no bearer token needed) a token
/// for oneself; with a bearer token, one for oneself or (admin) for <see cref="User"/>.
/// </summary>
public sealed record NewTokenBody(string? User = null, string? Password = null, string? Name = null, double? LifetimeDays = null);
