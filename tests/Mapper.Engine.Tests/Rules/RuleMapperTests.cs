using Mapper.Engine.Rules;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Tests.Rules;

public sealed class RuleMapperTests
{
    private readonly RuleMapper _mapper = new(BundledData.Load());

    [Fact]
    public void Map_EveryRuleRow_MapsToItsOwnLabelAtExactTier()
    {
        foreach (var detector in BundledData.Load().Detectors)
        {
            foreach (var rule in detector.Rules)
            {
                var match = _mapper.MatchOne(detector.Detector, rule.RawLabel);
                Assert.Equal(rule.CanonicalLabel, match.Label);
                Assert.Equal(MatchTier.Exact, match.Tier);
            }
        }
    }

    [Theory]
    [InlineData("Hate-Speech")]
    [InlineData("hate speech")]
    [InlineData("HATE_SPEECH")]
    [InlineData("HateSpeech")]
    [InlineData("hate_speech_v2")]
    public void MatchOne_CaseAndSeparatorVariants_MatchNormalised(string raw)
    {
        var match = _mapper.MatchOne("nvidia-nemo-guardrails", raw);

        Assert.Equal("HARM.SPEECH.Hate.Other", match.Label);
        Assert.Equal(MatchTier.Normalised, match.Tier);
    }

    [Theory]
    [InlineData("social_security", "PII.Identifier.SSN", MatchTier.Alias)]
    [InlineData("Racism", "HARM.SPEECH.Hate.Race", MatchTier.Alias)]
    [InlineData("EMAIL_ADDRESS", "PII.Contact.Email", MatchTier.Alias)]
    [InlineData("US_PASSPORT", "PII.Identifier.Passport", MatchTier.CrossDetector)]
    [InlineData("self harm risk", "HARM.VIOLENCE.SelfHarm", MatchTier.Token)]
    [InlineData("self harm intent", "HARM.VIOLENCE.SelfHarm", MatchTier.CrossDetector)]
    [InlineData("email_addr", "PII.Contact.Email", MatchTier.Lexicon)]
    [InlineData("harrassment", "HARM.SPEECH.Insult", MatchTier.Token)]
    public void MatchOne_UnknownDetector_UsesSharedTiers(string raw, string expected, MatchTier tier)
    {
        var match = _mapper.MatchOne(null, raw);

        Assert.Equal(expected, match.Label);
        Assert.Equal(tier, match.Tier);
    }

    [Theory]
    [InlineData("llama-guard", "not_toxic", WellKnownLabels.Safe)]
    [InlineData("llama-guard", "non_violent", WellKnownLabels.Safe)]
    [InlineData("llama-guard", "nonviolent", WellKnownLabels.Safe)]
    [InlineData("llama-guard", "is_not_toxic", WellKnownLabels.Safe)]
    [InlineData("llama-guard", "is_safe", WellKnownLabels.Safe)]
    [InlineData("llama-guard", "unsafe", "HARM.SPEECH.Toxicity")]
    [InlineData("llama-guard", "not_safe", "HARM.SPEECH.Toxicity")]
    [InlineData("deberta-toxicity", "not_toxic", WellKnownLabels.Unknown)]
    [InlineData("regex-pii", "credit card no", "PII.Identifier.CreditCard")]
    public void MatchOne_Polarity_NeverInverts(string detector, string raw, string expected)
    {
        Assert.Equal(expected, _mapper.MatchOne(detector, raw).Label);
    }

    [Theory]
    [InlineData("regex-pii", "mrn_high", WellKnownLabels.Unknown)]
    [InlineData("google-cloud-dlp", "icd10 code (high)", WellKnownLabels.Unknown)]
    [InlineData("regex-pii", "ssn (high)", "PII.Identifier.SSN")]
    [InlineData("nvidia-nemo-guardrails", "high_risk", "HARM.SPEECH.Toxicity")]
    public void MatchOne_SeverityWord_SaysHowMuchNotWhat(string detector, string raw, string expected)
    {
        // "high" occurs only in Toxicity keys (high_toxic, high_risk); as a severity beside another word it must not vote.
        Assert.Equal(expected, _mapper.MatchOne(detector, raw).Label);
    }

    [Fact]
    public void Map_PipeJoined_ReturnsEveryLabelInOrder()
    {
        var answer = _mapper.Map("nvidia-nemo-guardrails", "toxic|hate|pii_detected");

        Assert.Equal(["HARM.SPEECH.Toxicity", "HARM.SPEECH.Hate.Other", "PII.Other"], answer.Labels);
        Assert.Equal(answer.Labels.Order(), answer.Scores.Keys.Order());
        Assert.Equal(answer.Parts.Min(p => p.Confidence), answer.Confidence);
    }

    [Theory]
    [InlineData("error")]
    [InlineData("ERROR")]
    [InlineData("error: timeout")]
    [InlineData("processing_error")]
    [InlineData("exception_500")]
    public void Map_ErrorStyleOutput_IsModelError(string raw)
    {
        Assert.Equal([WellKnownLabels.ModelError], _mapper.Map("presidio", raw).Labels);
    }

    [Theory]
    [InlineData("zzqx")]
    [InlineData("!!!")]
    [InlineData("")]
    [InlineData("purple_monkey_dishwasher")]
    public void Map_NothingMatches_IsUnknownWithZeroConfidence(string raw)
    {
        var answer = _mapper.Map("presidio", raw);

        Assert.Equal([WellKnownLabels.Unknown], answer.Labels);
        Assert.Equal(0.0, answer.Confidence);
        Assert.Equal(0.0, answer.Scores[WellKnownLabels.Unknown]);
    }

    [Fact]
    public void MatchTierConfidence_FallsStrictlyFromTierToTier()
    {
        var confidences = Enum.GetValues<MatchTier>().Select(MatchTierConfidence.Of).ToList();

        Assert.Equal(confidences.OrderDescending(), confidences);
        Assert.Equal(confidences.Count, confidences.Distinct().Count());
    }

    [Theory]
    [InlineData("OpenAI-Moderation", "openai-moderation")]
    [InlineData("llama_guard", "llama-guard")]
    [InlineData("Llama-Guard-3", "llama-guard")]
    [InlineData("presidio-analyzer", "presidio")]
    [InlineData("AzureContentSafety", "azure-content-safety")]
    [InlineData("totally-new-detector", null)]
    public void Resolve_DetectorSpellings_FindTheKnownDetector(string name, string? expected)
    {
        Assert.Equal(expected, _mapper.Detectors.Resolve(name));
    }
}
