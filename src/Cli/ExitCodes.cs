namespace Mapper.Cli;

/// <summary>The tool's exit codes; scripts and CI rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Success: every gate passed, the configuration is valid, the versions were shown.</summary>
    public const int Ok = 0;

    /// <summary>The check ran and found a problem: a failed quality gate or an invalid configuration.</summary>
    public const int Failed = 1;

    /// <summary>The tool could not run the check: unknown verb or flag, unreadable or malformed input.</summary>
    public const int BadInput = 2;
}
