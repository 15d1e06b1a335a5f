using System.Text.Json;
using Mapper.Console.Store;
using Mapper.Engine.Data;
using Mapper.Engine.Quality;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Playground;

/// <summary>The saved regression cases: the list the playground shows, the smoke set activations run, and the §8 export.</summary>
public sealed class RegressionCases(IDbContextFactory<MapperDbContext> factory, EngineDataProvider data, TimeProvider time)
{
    public const string ExportFileName = "mapper-regression-cases.json";

    public async Task<IReadOnlyList<RegressionCase>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Kept(db).ToListAsync(cancellationToken);
    }

    /// <summary>The saved set as a golden-case file (contract §8) that <c>mapper quality validate --golden-cases</c> reads; null when none is saved.</summary>
    public async Task<string?> ExportAsync(CancellationToken cancellationToken)
    {
        var cases = await ListAsync(cancellationToken);
        return cases.Count == 0 ? null : Export(cases, data.Current.Data.Taxonomy.Version, time.GetUtcNow());
    }

    /// <summary>What every activation's gate runs besides the rule rows, read in the executor's own transaction.</summary>
    public static async Task<IReadOnlyList<GoldenCase>> SmokeSetAsync(MapperDbContext db, CancellationToken cancellationToken) =>
        [.. (await Kept(db).ToListAsync(cancellationToken)).Select(c => c.ToGolden())];

    public static string Export(IReadOnlyList<RegressionCase> cases, string taxonomyVersion, DateTimeOffset at)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("version", "1.0");
            w.WriteString("description", "Regression cases saved from the Mapper console playground; every adapter activation must pass them");
            w.WriteStartObject("metadata");
            w.WriteString("source", "mapper-console");
            w.WriteString("exported_at", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("taxonomy_version", taxonomyVersion);
            w.WriteNumber("cases", cases.Count);
            w.WriteEndObject();
            w.WriteStartArray("test_cases");
            foreach (var golden in cases.Select(c => c.ToGolden()))
            {
                w.WriteStartObject();
                w.WriteString("detector", golden.Detector);
                w.WriteString("input_output", golden.InputOutput);
                w.WriteStartArray("expected_taxonomy");
                foreach (var label in golden.ExpectedTaxonomy)
                {
                    w.WriteStringValue(label);
                }

                w.WriteEndArray();
                w.WriteNumber("expected_confidence_min", golden.ExpectedConfidenceMin);
                w.WriteString("description", golden.Description);
                w.WriteString("category", golden.Category);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static IQueryable<RegressionCase> Kept(MapperDbContext db) => db.RegressionCases.AsNoTracking().Where(c => c.DeletedAt == null).OrderBy(c => c.Id);
}
