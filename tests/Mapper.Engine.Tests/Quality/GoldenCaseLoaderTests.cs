using Mapper.Engine.Data;
using Mapper.Engine.Quality;

namespace Mapper.Engine.Tests.Quality;

public sealed class GoldenCaseLoaderTests
{
    private const string ValidCase = """{"detector": "presidio", "input_output": "PERSON", "expected_taxonomy": ["PII.Person.Name"], "expected_confidence_min": 0.9}""";

    [Theory]
    [InlineData("""{"detector": "presidio", "input_output": "x", "expected_taxonomy": []}""", "test_cases[1].expected_taxonomy: must be a non-empty array of labels")]
    [InlineData("""{"detector": "presidio", "input_output": "x", "expected_taxonomy": "PII.Other"}""", "test_cases[1].expected_taxonomy: must be a non-empty array of labels")]
    [InlineData("""{"detector": "", "input_output": "x", "expected_taxonomy": ["PII.Other"]}""", "test_cases[1].detector: must be a non-empty string")]
    [InlineData("""{"detector": "presidio", "expected_taxonomy": ["PII.Other"]}""", "test_cases[1].input_output: must be a string")]
    [InlineData("""{"detector": "presidio", "input_output": "x", "expected_taxonomy": ["PII.Other"], "expected_confidence_min": 1.5}""", "test_cases[1].expected_confidence_min: must be a number within [0, 1]")]
    [InlineData("""{"detector": "presidio", "input_output": "x", "expected_taxonomy": ["PII.Nope"]}""", "test_cases[1].expected_taxonomy[0]: 'PII.Nope' is not a label of taxonomy 2025.09")]
    [InlineData("\"not a case\"", "test_cases[1]: must be an object")]
    public void Parse_BadCase_NamesFileCaseAndField(string badCase, string expected)
    {
        var json = $$"""{"version": "1.0", "test_cases": [{{ValidCase}}, {{badCase}}]}""";

        var error = Assert.Throws<GoldenCaseFormatException>(() => GoldenCaseLoader.Parse(json, "heldout/presidio.json", BundledData.Load().Taxonomy));

        Assert.Equal("heldout/presidio.json: " + expected, error.Message);
    }

    [Theory]
    [InlineData("{", "document")]
    [InlineData("[]", "document")]
    [InlineData("""{"version": "1.0"}""", "test_cases")]
    [InlineData("""{"test_cases": []}""", "test_cases")]
    public void Parse_BadDocument_NamesTheField(string json, string field)
    {
        var error = Assert.Throws<GoldenCaseFormatException>(() => GoldenCaseLoader.Parse(json, "x.json"));

        Assert.Equal(field, error.Field);
        Assert.StartsWith("x.json: " + field + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OldFormatWithExtraFieldsAndNoMinimum_Loads()
    {
        var json = """{"version": "1.0", "test_cases": [{"detector": "regex-pii", "input_output": "ssn", "expected_taxonomy": ["PII.Identifier.SSN"], "severity": "high"}]}""";

        var file = GoldenCaseLoader.Parse(json, "old.json");

        var golden = Assert.Single(file.Cases);
        Assert.Equal(0.0, golden.ExpectedConfidenceMin);
        Assert.Equal(["PII.Identifier.SSN"], golden.ExpectedTaxonomy);
    }

    [Fact]
    public void LoadAll_MissingPath_IsAFormatError()
    {
        Assert.Throws<GoldenCaseFormatException>(() => GoldenCaseLoader.LoadAll(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
    }

    [Fact]
    public void LoadAll_BundledGoldenSets_AllLoadWithTaxonomyLabelsAndEnoughCasesPerDetector()
    {
        var data = BundledData.Load();
        var resolver = new Mapper.Engine.Rules.DetectorNameResolver(data.Detectors);

        var files = GoldenCaseLoader.LoadAll(Path.Combine(MappingDataLoader.BundledDirectory, "golden"), data.Taxonomy);

        Assert.Equal(72, files.Count);
        var perDetector = files.SelectMany(f => f.Cases).GroupBy(c => resolver.Resolve(c.Detector)).ToDictionary(g => g.Key ?? "?", g => g.Count());
        Assert.Equal(data.Detectors.Select(d => d.Detector).Order(), perDetector.Keys.Order());
        Assert.All(perDetector, p => Assert.True(p.Value >= 100, $"{p.Key} has {p.Value} golden cases"));
    }

    [Fact]
    public void LoadAll_HeldOutAndTuningSets_ShareNoCompactedString()
    {
        var golden = Path.Combine(MappingDataLoader.BundledDirectory, "golden");
        foreach (var detector in BundledData.Load().Detectors.Select(d => d.Detector))
        {
            var tuning = Compacted(Path.Combine(golden, "variants", detector + ".json"));
            var heldOut = Compacted(Path.Combine(golden, "heldout", detector + ".json"));

            Assert.Empty(tuning.Intersect(heldOut));
        }
    }

    [Theory]
    [InlineData("blind2", new[] { "variants", "heldout", "blind" })]
    [InlineData("blind3", new[] { "variants", "heldout", "blind", "blind2" })]
    public void LoadAll_LaterBlindSet_SharesNoCompactedStringWithAnyEarlierSet(string set, string[] earlierSets)
    {
        var golden = Path.Combine(MappingDataLoader.BundledDirectory, "golden");
        foreach (var detector in BundledData.Load().Detectors.Select(d => d.Detector))
        {
            var later = Compacted(Path.Combine(golden, set, detector + ".json"));
            foreach (var earlier in earlierSets)
            {
                Assert.Empty(later.Intersect(Compacted(Path.Combine(golden, earlier, detector + ".json"))));
            }
        }
    }

    private static HashSet<string> Compacted(string path) =>
        GoldenCaseLoader.Load(path, Path.GetFileName(path)).Cases.Select(c => Mapper.Engine.Rules.LabelText.Compact(c.InputOutput)).ToHashSet();
}
