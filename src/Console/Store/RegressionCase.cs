using Mapper.Engine.Quality;

namespace Mapper.Console.Store;

/// <summary>
/// A detector output saved from the playground with the labels it must map to: part of every adapter activation's
/// smoke set and exported as a golden-case file (contract §8). The output is the one piece of detector output the
/// store keeps, on purpose and checked like an API request (no raw content, the API's label limits). A deleted case
/// stays as a tombstone without its output, so case ids in the audit log are never reused.
/// </summary>
public sealed class RegressionCase
{
    public const int MaxDescriptionLength = 500;

    public long Id { get; set; }

    public string Detector { get; set; } = "";

    public string Output { get; set; } = "";

    /// <summary>Canonical labels joined with '|' (a label never holds one).</summary>
    public string ExpectedLabels { get; set; } = "";

    public string? Description { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string? DeletedBy { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public IReadOnlyList<string> Expected => ExpectedLabels.Split('|');

    public GoldenCase ToGolden() => new(Detector, Output, Expected, 0, GoldenDescription, Category);

    /// <summary>The case id leads, so a quality report or a gate verdict can be traced back to the case.</summary>
    public string GoldenDescription => $"regression case {Id}" + (string.IsNullOrWhiteSpace(Description) ? "" : ": " + Description);

    /// <summary>The first label's family (<c>PII</c>, <c>HARM</c>), as the bundled golden sets categorise.</summary>
    public string Category => Expected[0].Split('.')[0];
}
