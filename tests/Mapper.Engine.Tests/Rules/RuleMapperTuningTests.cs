using Mapper.Engine.Rules;
using Mapper.Engine.Taxonomy;

namespace Mapper.Engine.Tests.Rules;

/// <summary>The gaps the tuning golden set (golden/variants) showed, each closed by a general rule.</summary>
public sealed class RuleMapperTuningTests
{
    private readonly RuleMapper _mapper = new(BundledData.Load());

    [Theory]
    [InlineData("DeBERTa", "deberta-toxicity")]
    [InlineData("HuggingFace", "huggingface-transformers")]
    [InlineData("NeMo-Guardrails", "nvidia-nemo-guardrails")]
    public void Resolve_CamelCaseBrandNames_GlueTokensBack(string name, string expected)
    {
        Assert.Equal(expected, _mapper.Detectors.Resolve(name));
    }

    [Theory]
    [InlineData("deberta-toxicity", "non toxic", WellKnownLabels.Unknown)]
    [InlineData("deberta-toxicity", "not_offensive", WellKnownLabels.Unknown)]
    [InlineData("llama-guard", "non toxic", WellKnownLabels.Safe)]
    [InlineData(null, "not_offensive", WellKnownLabels.Safe)]
    public void MatchOne_Negation_FollowsTheDetectorsCleanClass(string? detector, string raw, string expected)
    {
        var match = _mapper.MatchOne(detector, raw);

        Assert.Equal(expected, match.Label);
        Assert.Equal(expected == WellKnownLabels.Unknown ? 0.0 : 0.6, match.Confidence);
    }

    [Theory]
    [InlineData("llama-guard", "criminal_planning", "HARM.VIOLENCE.Other")]
    [InlineData("amazon-bedrock-guardrails", "PromptAttack", "PROMPT_INJECTION.Other")]
    [InlineData("presidio", "us bank number", "PII.Identifier.BankAccount")]
    [InlineData("llama-guard", "Violent Crimes", "HARM.VIOLENCE.Physical")]
    [InlineData("llama-guard", "SEX_RELATED_CRIMES", "HARM.VIOLENCE.Sexual")]
    [InlineData("llama-guard", "guns_and_illegal_weapons", "HARM.VIOLENCE.Other")]
    [InlineData("presidio", "EMIAL_ADDRESS", "PII.Contact.Email")]
    public void MatchOne_TuningGaps_AnswerBelowTheTables(string detector, string raw, string expected)
    {
        var match = _mapper.MatchOne(detector, raw);

        Assert.Equal(expected, match.Label);
        Assert.True(match.Tier is MatchTier.Lexicon or MatchTier.Token, $"tier {match.Tier}");
    }

    [Theory]
    [InlineData("planning")]
    [InlineData("us")]
    [InlineData("purple_cow")]
    public void MatchOne_WordsThatPointNowhereInParticular_StayUnknown(string raw)
    {
        Assert.Equal(WellKnownLabels.Unknown, _mapper.MatchOne("presidio", raw).Label);
    }
}
