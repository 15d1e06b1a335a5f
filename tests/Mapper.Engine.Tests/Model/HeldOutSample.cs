using System.Runtime.CompilerServices;
using System.Text.Json;
using Mapper.Engine.Quality;

namespace Mapper.Engine.Tests.Model;

/// <summary>The hand-written held-out variants in TestData/heldout-sample.json (read from the source tree).</summary>
public static class HeldOutSample
{
    private static readonly Lazy<IReadOnlyList<GoldenCase>> Cases = new(Read);

    public static IReadOnlyList<GoldenCase> Load() => Cases.Value;

    private static IReadOnlyList<GoldenCase> Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf()));
        return document.RootElement.GetProperty("cases").EnumerateArray()
            .Select(c => new GoldenCase(
                c.GetProperty("detector").GetString()!,
                c.GetProperty("raw").GetString()!,
                c.GetProperty("expected").EnumerateArray().Select(e => e.GetString()!).ToArray()))
            .ToArray();
    }

    private static string PathOf([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "TestData", "heldout-sample.json");
}
