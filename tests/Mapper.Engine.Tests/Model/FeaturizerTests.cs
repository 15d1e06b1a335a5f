using Mapper.Engine.Model.Features;

namespace Mapper.Engine.Tests.Model;

public sealed class FeaturizerTests
{
    [Fact]
    public void Hash_KnownInput_MatchesIndependentFnv1a()
    {
        // FNV-1a 32 over the UTF-16LE bytes of "hate", computed independently (Python).
        Assert.Equal(4261256365u, Fnv1a.Hash("hate"));
    }

    [Fact]
    public void Featurize_FixedInput_ReturnsPinnedIds()
    {
        // Pinned values: a change here changes every saved model's meaning, so it must be a new featurizer revision.
        var ids = new LabelFeaturizer(1 << 16).Featurize("openai-moderation", "hate");

        Assert.Equal(PinnedHateIds, ids);
    }

    [Fact]
    public void Featurize_SpellingsThatCompactAlike_GiveTheSameIds()
    {
        var featurizer = new LabelFeaturizer(1 << 16);
        var expected = featurizer.Featurize("presidio", "email_address");

        Assert.Equal(expected, featurizer.Featurize("Presidio", "Email Address"));
        Assert.Equal(expected, featurizer.Featurize("PRESIDIO", "EmailAddress"));
        Assert.NotEqual(expected, featurizer.Featurize("regex-pii", "email_address"));
    }

    [Theory]
    [InlineData("openai/HATE_score_v2")]
    [InlineData("azure-hate-0.93")]
    [InlineData("Hate:0.8")]
    [InlineData("category_hate_label")]
    public void Featurize_NoiseAroundTheLabel_GivesThePinnedCleanIds(string noisy)
    {
        // Same pinned ids as the clean "hate": the noise never reaches the model, so neither its answer nor its confidence can move.
        Assert.Equal(PinnedHateIds, new LabelFeaturizer(1 << 16).Featurize("openai-moderation", noisy));
    }

    [Fact]
    public void FromId_RoundTripsKnownIdsAndRefusesOthers()
    {
        var featurizer = new LabelFeaturizer(1 << 16);

        Assert.Equal("hash-fnv1a-v2-b65536", featurizer.Id);
        Assert.Equal(featurizer.Id, LabelFeaturizer.FromId(featurizer.Id)?.Id);
        Assert.Null(LabelFeaturizer.FromId("hash-fnv1a-v0-b65536"));
        Assert.Null(LabelFeaturizer.FromId("hash-fnv1a-v2-b1000"));
        // Adapters of the previous revision (no noise stripping) are refused: the same ids would mean other inputs.
        Assert.Null(LabelFeaturizer.FromId("hash-fnv1a-v1-b65536"));
    }

    [Fact]
    public void FamilyOf_KnownAndUnknownDetectors()
    {
        Assert.Equal("pii", DetectorName.FamilyOf(DetectorName.Normalize("acme-pii-scanner")));
        Assert.Equal("toxicity", DetectorName.FamilyOf(DetectorName.Normalize("deberta-toxicity")));
        Assert.Equal("moderation", DetectorName.FamilyOf(DetectorName.Normalize("openai-moderation")));
        Assert.Equal(DetectorName.GenericFamily, DetectorName.FamilyOf(DetectorName.Normalize("something")));
    }

    // Computed by an independent Python implementation of the same scheme, not by this code.
    private static readonly int[] PinnedHateIds =
    [
        408, 2705, 4120, 10254, 19113, 20137, 21598, 23524, 28840, 29980, 33048, 44514,
        44949, 47081, 49000, 49539, 51100, 53491, 58785, 62548, 63103, 65180, 65400,
    ];
}
