namespace Mapper.Engine.Quality;

/// <summary>
/// One golden case (contract §8): a detector output and the label set it must map to. The engine's only
/// golden-case type: quality runs, adapter evaluation and the activation gate's smoke set all use it.
/// </summary>
public sealed record GoldenCase(
    string Detector,
    string InputOutput,
    IReadOnlyList<string> ExpectedTaxonomy,
    double ExpectedConfidenceMin = 0,
    string? Description = null,
    string? Category = null);

/// <summary>A loaded golden-case file; <see cref="Name"/> is the path shown in reports and errors.</summary>
public sealed record GoldenCaseFile(string Name, string? Version, string? Description, IReadOnlyList<GoldenCase> Cases);

/// <summary>A golden-case file cannot be used. The message names the file, the case index and the field.</summary>
public sealed class GoldenCaseFormatException(string file, string field, string problem)
    : Exception($"{file}: {field}: {problem}")
{
    public string File { get; } = file;

    public string Field { get; } = field;
}
