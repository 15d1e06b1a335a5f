namespace Mapper.Console.Drills;

/// <summary>The <c>Drills</c> section: how hard each drill pushes, and how long one may run.</summary>
public sealed class DrillOptions
{
    public const string Section = "Drills";

    /// <summary>Added to every model call by the latency drill (above the CPU profile's 250 ms p95 bound by default).</summary>
    public int ExtraLatencyMs { get; set; } = 400;

    /// <summary>Share of mapping requests the http-5xx drill answers with 500.</summary>
    public double Http5xxShare { get; set; } = 0.5;

    public int MaxMinutes { get; set; } = 240;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ExtraLatencyMs is < 1 or > 4000)
        {
            problems.Add($"{Section}:ExtraLatencyMs must be within [1, 4000], not {ExtraLatencyMs}");
        }

        if (Http5xxShare is <= 0 or > 1 || double.IsNaN(Http5xxShare))
        {
            problems.Add($"{Section}:Http5xxShare must be within (0, 1], not {Http5xxShare}");
        }

        if (MaxMinutes is < 1 or > 24 * 60)
        {
            problems.Add($"{Section}:MaxMinutes must be within [1, 1440], not {MaxMinutes}");
        }

        return problems;
    }
}
