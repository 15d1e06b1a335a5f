using Mapper.Console.Actions;
using Mapper.Console.Identity;

namespace Mapper.Console.Drills;

/// <summary>Start a drill of <see cref="Kind"/> for <see cref="Duration"/> (admin; it ends by itself).</summary>
public sealed record StartDrill(string Kind, TimeSpan Duration) : OperatorCommand
{
    public override string Action => "drills.start";

    public override ConsoleRole RequiredRole => ConsoleRole.Admin;

    public override string Target => "drill";
}

/// <summary>End the running drill now (admin), or at its time (the system).</summary>
public sealed record StopDrill : OperatorCommand
{
    public override string Action => "drills.stop";

    public override ConsoleRole RequiredRole => ConsoleRole.Admin;

    public override string Target => "drill";

    public override bool NeedsReason => false;

    /// <summary>Set by start-up for a drill the previous process was running when it stopped: the audit row of its start.</summary>
    public long? InterruptedStart { get; init; }
}
