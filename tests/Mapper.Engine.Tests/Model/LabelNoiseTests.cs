using Mapper.Engine.Model.Features;

namespace Mapper.Engine.Tests.Model;

public sealed class LabelNoiseTests
{
    [Theory]
    [InlineData("toxicity_v2", "toxicity")]
    [InlineData("TOXIC-v3.1", "toxic")]
    [InlineData("hate_score", "hate")]
    [InlineData("violence_0.93", "violence")]
    [InlineData("insult:0.8", "insult")]
    [InlineData("pii_email_1", "pii_email")]
    [InlineData("azure_hate", "hate")]
    [InlineData("openai/harassment", "harassment")]
    [InlineData("aws.self-harm", "self_harm")]
    [InlineData("gcp-hate", "hate")]
    [InlineData("presidio:EMAIL_ADDRESS", "email_address")]
    [InlineData("SELF_HARM", "self_harm")]
    [InlineData("selfHarm", "self_harm")]
    [InlineData("Self-Harm", "self_harm")]
    [InlineData("violenceSeverity2", "violence")]
    [InlineData("hate_6Score", "hate")]
    [InlineData("category_hate_label", "hate")]
    public void ModelText_NoisyLabel_IsTheCleanLabel(string raw, string expected)
    {
        Assert.Equal(expected, LabelNoise.ModelText(raw));
    }

    [Theory]
    [InlineData("low_risk", "low_risk")]
    [InlineData("high_risk", "high_risk")]
    [InlineData("not_toxic", "not_toxic")]
    [InlineData("S1", "s1")]
    [InlineData("hate_openai", "hate_openai")]
    [InlineData("LABEL_42", "label_42")]
    [InlineData("v2", "v2")]
    [InlineData("azure", "azure")]
    [InlineData("???", "")]
    public void ModelText_MeaningfulOrAllNoise_KeepsTheWords(string raw, string expected)
    {
        Assert.Equal(expected, LabelNoise.ModelText(raw));
    }

    [Fact]
    public void Strip_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => LabelNoise.Strip("hate_speech", new char[4]));
    }
}
