using Mapper.Engine.Data;
using Mapper.Engine.Quality;
using Mapper.Engine.Rules;

namespace Mapper.Engine.Tests.Rules;

/// <summary>
/// The token tier's inverted index must change speed only: the indexed mapper and the exhaustive scan (every
/// known key scored) give the same answer on every golden case, on typo variants of them, and for an unknown
/// detector; and any two tokens the matcher calls equal share an index key.
/// </summary>
public sealed class TokenIndexTests
{
    private static readonly string GoldenDirectory = Path.Combine(MappingDataLoader.BundledDirectory, "golden");

    private readonly RuleMapper _indexed = new(BundledData.Load());
    private readonly RuleMapper _exhaustive = new(BundledData.Load(), exhaustive: true);

    [Fact]
    public void Map_EveryGoldenCase_IndexedAgreesWithExhaustiveScan()
    {
        var cases = GoldenCaseLoader.LoadAll(GoldenDirectory).SelectMany(f => f.Cases).ToList();
        var tokenTier = 0;
        var mismatches = new List<string>();
        foreach (var golden in cases)
        {
            foreach (var detector in new[] { _indexed.Detectors.Resolve(golden.Detector), null })
            {
                var (indexed, _) = Compare(detector, golden.InputOutput, mismatches);
                tokenTier += indexed.Parts.Count(p => p.Tier == MatchTier.Token);
            }
        }

        Assert.True(cases.Count > 1500, $"only {cases.Count} golden cases loaded");
        Assert.True(tokenTier > 300, $"only {tokenTier} answers reached the token tier: the comparison would prove little");
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Map_TypoVariantsOfGoldenCases_IndexedAgreesWithExhaustiveScan()
    {
        var random = new Random(20250917);
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var golden in GoldenCaseLoader.LoadAll(GoldenDirectory).SelectMany(f => f.Cases))
        {
            var detector = _indexed.Detectors.Resolve(golden.Detector);
            foreach (var variant in Typos(golden.InputOutput, random))
            {
                Compare(detector, variant, mismatches);
                compared++;
            }
        }

        Assert.True(compared > 5000, $"only {compared} variants compared");
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Fill_EveryPairTheMatcherCallsEqual_SharesAKey()
    {
        var random = new Random(7);
        var vocabulary = GoldenCaseLoader.LoadAll(GoldenDirectory).SelectMany(f => f.Cases)
            .SelectMany(c => LabelText.Tokens(LabelText.Compact(c.InputOutput)))
            .Concat(BundledData.Load().Detectors.SelectMany(d => d.Rules).SelectMany(r => LabelText.Tokens(LabelText.Compact(r.RawLabel))))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var tokens = vocabulary.Concat(vocabulary.SelectMany(t => Typos(t, random))).Distinct(StringComparer.Ordinal).ToArray();
        var keys = tokens.Select(Keys).ToArray();

        var equalPairs = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            for (var j = i + 1; j < tokens.Length; j++)
            {
                if (TokenMatcher.TokensEqual(tokens[i], tokens[j]))
                {
                    equalPairs++;
                    Assert.True(keys[i].Overlaps(keys[j]), $"'{tokens[i]}' and '{tokens[j]}' match but share no index key");
                }
            }
        }

        Assert.True(equalPairs > 1000, $"only {equalPairs} matching pairs: the vocabulary is too small to prove much");
    }

    [Theory]
    [InlineData("address", "addr")]
    [InlineData("harassment", "harrassment")]
    [InlineData("email", "emial")]
    [InlineData("violence", "violent")]
    [InlineData("xarass", "harass")]
    public void Fill_KnownMatchingPairs_ShareAKey(string a, string b)
    {
        Assert.True(TokenMatcher.TokensEqual(a, b));
        Assert.True(Keys(a).Overlaps(Keys(b)));
    }

    private (RuleAnswer Indexed, RuleAnswer Exhaustive) Compare(string? detector, string output, List<string> mismatches)
    {
        var indexed = _indexed.Map(detector, output);
        var exhaustive = _exhaustive.Map(detector, output);
        var same = indexed.Labels.SequenceEqual(exhaustive.Labels)
            && indexed.Parts.SequenceEqual(exhaustive.Parts)
            && indexed.Confidence == exhaustive.Confidence
            && indexed.Scores.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(exhaustive.Scores.OrderBy(p => p.Key, StringComparer.Ordinal));
        if (!same)
        {
            mismatches.Add($"{detector ?? "(unknown)"} '{output}': indexed {string.Join(',', indexed.Labels)} vs scan {string.Join(',', exhaustive.Labels)}");
        }

        return (indexed, exhaustive);
    }

    /// <summary>A deletion, a neighbour swap, a substitution and an insertion, each at a random place.</summary>
    private static IEnumerable<string> Typos(string text, Random random)
    {
        if (text.Length < 2)
        {
            yield break;
        }

        var at = random.Next(text.Length - 1);
        yield return text.Remove(at, 1);
        yield return string.Concat(text.AsSpan(0, at), text.Substring(at + 1, 1), text.Substring(at, 1), text.AsSpan(at + 2));
        yield return string.Concat(text.AsSpan(0, at), "q", text.AsSpan(at + 1));
        yield return text.Insert(random.Next(text.Length + 1), "e");
    }

    private static HashSet<ulong> Keys(string token)
    {
        var keys = new ulong[TokenKeys.MaxCount(token.Length)];
        return [.. keys.AsSpan(0, TokenKeys.Fill(token, keys))];
    }
}
