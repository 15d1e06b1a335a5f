namespace Mapper.Cli;

/// <summary>The tool's exit codes; scripts and CI rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Success: every gate passed, the configuration is valid, the console applied the change.</summary>
    public const int Ok = 0;

    /// <summary>
    /// The check ran and found a problem (a failed quality gate, an invalid configuration, a broken audit chain), or
    /// the console refused: no or bad token (401), role (403), stale epoch or refused change (409), store unavailable (503).
    /// </summary>
    public const int Failed = 1;

    /// <summary>The tool could not run the check: unknown verb or flag, unreadable or malformed input, or a 422 from the console.</summary>
    public const int BadInput = 2;

    /// <summary>The console did not answer: connection refused, host not found, timeout.</summary>
    public const int Unreachable = 3;
}
