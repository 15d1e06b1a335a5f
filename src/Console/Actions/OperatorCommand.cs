using Mapper.Console.Identity;

namespace Mapper.Console.Actions;

/// <summary>
/// One thing a person (or the system) asks the console to do. <see cref="Reason"/> is required for anything
/// that changes behaviour; <see cref="ExpectedEpoch"/>, when given, is the controls epoch the caller saw, and a
/// change made by someone else since refuses the command as stale.
/// </summary>
public abstract record OperatorCommand
{
    public string? Reason { get; init; }

    public long? ExpectedEpoch { get; init; }

    /// <summary>The incident this action is taken for (a runbook step checked in it, a control changed from its page): recorded on the audit row.</summary>
    public long? IncidentId { get; init; }

    /// <summary>The audit row's action name, e.g. <c>controls.kill_switch</c>.</summary>
    public abstract string Action { get; }

    public abstract ConsoleRole RequiredRole { get; }

    /// <summary>What the audit row names as acted on (also for a denied attempt).</summary>
    public abstract string Target { get; }

    /// <summary>True when the action changes how requests are answered or who may act: a reason is then required.</summary>
    public virtual bool NeedsReason => true;
}

// Controls (operator).
public sealed record SetKillSwitch(bool On, TimeSpan? RevertAfter = null) : OperatorCommand
{
    public override string Action => "controls.kill_switch";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => LiveRecord.ModeSetting;
}

/// <summary>The global threshold when <see cref="Detector"/> is null, else that detector's override.</summary>
public sealed record SetThreshold(string? Detector, double Value) : OperatorCommand
{
    public override string Action => Detector is null ? "controls.threshold" : "controls.detector_threshold";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => Detector is null ? LiveRecord.ThresholdSetting : LiveRecord.ThresholdSetting + ":" + Detector;
}

public sealed record ClearThreshold(string Detector) : OperatorCommand
{
    public override string Action => "controls.detector_threshold_clear";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => LiveRecord.ThresholdSetting + ":" + Detector;
}

public sealed record SetBatchLimits(int MaxBatchSize, double MaxBatchWaitMs) : OperatorCommand
{
    public override string Action => "controls.batch_limits";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => LiveRecord.BatchSetting;
}

/// <summary>The configuration rollback: every control back to what was live at <see cref="At"/>, read from the audit log.</summary>
public sealed record RestoreControls(DateTimeOffset At) : OperatorCommand
{
    public override string Action => "controls.restore";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => "controls";
}

/// <summary>Every control back to the configured defaults (the adapter stays).</summary>
public sealed record ResetControls : OperatorCommand
{
    public override string Action => "controls.reset";

    public override ConsoleRole RequiredRole => ConsoleRole.Operator;

    public override string Target => "controls";
}

// Adapters (admin).
public sealed record ActivateAdapter(string? AdapterId, string Version) : OperatorCommand
{
    public override string Action => "adapters.activate";

    public override ConsoleRole RequiredRole => ConsoleRole.Admin;

    public override string Target => LiveRecord.AdapterSetting;
}

/// <summary>Back to a version of the active line that served before, as a new revision.</summary>
public sealed record RollbackAdapter(string Version) : OperatorCommand
{
    public override string Action => "adapters.rollback";

    public override ConsoleRole RequiredRole => ConsoleRole.Admin;

    public override string Target => LiveRecord.AdapterSetting;
}

/// <summary>Train the next version of the configured line from the current data; optionally activate it when done.</summary>
public sealed record StartTraining(bool ActivateWhenDone = false) : OperatorCommand
{
    public override string Action => "adapters.train";

    public override ConsoleRole RequiredRole => ConsoleRole.Admin;

    public override string Target => "training";

    public override bool NeedsReason => ActivateWhenDone;
}

public sealed record CancelTraining : OperatorCommand
{
    public override string Action => "adapters.train_cancel";

    public override ConsoleRole RequiredRole => ConsoleRole.Admin;

    public override string Target => "training";

    public override bool NeedsReason => false;
}

// Accounts and tokens (admin; a token for oneself needs only the account).
public sealed record AddUser(string UserName, ConsoleRole Role, string Password) : OperatorCommand
{
    public override string Action => "users.add";

    public override ConsoleRole RequiredRole => ConsoleRole.Admin;

    public override string Target => "user:" + UserName;
}

public sealed record ChangeUserRole(string UserName, ConsoleRole Role) : OperatorCommand
{
    public override string Action => "users.role";

    public override ConsoleRole RequiredRole => ConsoleRole.Admin;

    public override string Target => "user:" + UserName;
}

public sealed record SetUserDisabled(string UserName, bool Disabled) : OperatorCommand
{
    public override string Action => Disabled ? "users.disable" : "users.enable";

    public override ConsoleRole RequiredRole => ConsoleRole.Admin;

    public override string Target => "user:" + UserName;
}

public sealed record ResetPassword(string UserName, string Password) : OperatorCommand
{
    public override string Action => "users.password";

    public override ConsoleRole RequiredRole => ConsoleRole.Admin;

    public override string Target => "user:" + UserName;
}

/// <summary>A bearer token for <see cref="UserName"/>. Anyone may make one for themselves; for another account it takes an admin.</summary>
public sealed record CreateToken(string UserName, string Name, TimeSpan? Lifetime = null) : OperatorCommand
{
    public override string Action => "tokens.create";

    public override ConsoleRole RequiredRole => ConsoleRole.Viewer;

    public override string Target => "user:" + UserName;

    public override bool NeedsReason => false;
}

public sealed record RevokeToken(long TokenId) : OperatorCommand
{
    public override string Action => "tokens.revoke";

    public override ConsoleRole RequiredRole => ConsoleRole.Viewer;

    public override string Target => "token:" + TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override bool NeedsReason => false;
}
