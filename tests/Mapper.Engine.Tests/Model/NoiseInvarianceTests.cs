using System.Globalization;
using Mapper.Engine.Model;
using Mapper.Engine.Model.Network;

namespace Mapper.Engine.Tests.Model;

/// <summary>The served model (through ONNX Runtime) answers a noisy output exactly as the clean one, with the same confidence.</summary>
public sealed class NoiseInvarianceTests
{
    // The noise real detectors put around a label: version tags, score suffixes, vendor prefixes, casing.
    private static readonly string[] Noise =
    [
        "{0}_v2", "{0}-v3.1", "{0}_score", "{0}_0.93", "{0}:0.8", "{0}_1", "azure_{0}", "openai/{0}", "aws.{0}",
        "gcp-{0}", "presidio:{0}", "{0}Score", "{0} (v4)", "category_{0}_label",
    ];

    [Fact]
    public void Predict_EveryRuleRowWithNoise_SameLabelAndConfidenceAsClean()
    {
        using var classifier = OnnxClassifier.Load(TestAdapters.V1.Model, intraOpThreads: 1);
        var clean = BundledData.Load().Detectors.SelectMany(d => d.Rules.Select(r => new ModelInput(d.Detector, r.RawLabel))).ToArray();
        var expected = classifier.Predict(clean);

        var worst = 0.0;
        var changed = new List<string>();
        foreach (var template in Noise)
        {
            var noisy = clean.Select(i => i with { RawLabel = string.Format(CultureInfo.InvariantCulture, template, i.RawLabel) }).ToArray();
            var answers = classifier.Predict(noisy);
            for (var i = 0; i < noisy.Length; i++)
            {
                worst = Math.Max(worst, expected[i].Probability - answers[i].Probability);
                if (answers[i].Label != expected[i].Label)
                {
                    changed.Add($"{noisy[i].Detector}/{noisy[i].RawLabel} → {answers[i].Label}");
                }
            }
        }

        Assert.Empty(changed);
        Assert.True(worst <= 1e-6, $"confidence dropped by up to {worst:0.000000} under noise");
    }

    [Fact]
    public void Predict_CasingOfTheSameWords_SameConfidence()
    {
        using var classifier = OnnxClassifier.Load(TestAdapters.V1.Model, intraOpThreads: 1);
        ModelInput[] spellings = [new("openai-moderation", "SELF_HARM"), new("openai-moderation", "selfHarm"), new("openai-moderation", "Self-Harm"), new("openai-moderation", "self harm")];

        var answers = classifier.Predict(spellings);

        Assert.Single(answers.Select(a => (a.Label, a.Probability)).Distinct());
    }
}
