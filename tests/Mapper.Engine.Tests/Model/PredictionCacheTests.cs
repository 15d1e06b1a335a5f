using Mapper.Engine.Model;
using Mapper.Engine.Model.Serving;

namespace Mapper.Engine.Tests.Model;

public sealed class PredictionCacheTests
{
    private static readonly ModelInput Email = new("presidio", "EMAIL_ADDRESS");
    private static readonly ModelInput Phone = new("presidio", "PHONE_NUMBER");
    private static readonly ModelPrediction EmailAnswer = new("PII.Contact.Email", 0.97);
    private static readonly ModelPrediction PhoneAnswer = new("PII.Contact.Phone", 0.91);

    [Fact]
    public void TryAnswer_OnlyWhenEveryInputWasAnswered_InInputOrder()
    {
        var cache = new PredictionCache(100);
        cache.Remember([Email], [EmailAnswer]);

        Assert.Null(cache.TryAnswer([Email, Phone]));
        cache.Remember([Phone], [PhoneAnswer]);

        Assert.Equal([PhoneAnswer, EmailAnswer], cache.TryAnswer([Phone, Email])!);
    }

    [Fact]
    public void TryAnswer_SameLabelUnderAnotherDetector_IsNotTheSameQuestion()
    {
        var cache = new PredictionCache(100);
        cache.Remember([Email], [EmailAnswer]);

        Assert.Null(cache.TryAnswer([new ModelInput("openai-moderation", "EMAIL_ADDRESS")]));
        Assert.Null(cache.TryAnswer([new ModelInput("presidio", "EMAIL_ADDRESS ")]));
        Assert.NotNull(cache.TryAnswer([Email]));
    }

    [Fact]
    public void Remember_PastCapacity_StaysBoundedAndKeepsWhatIsStillAsked()
    {
        var cache = new PredictionCache(8);
        cache.Remember([Email], [EmailAnswer]);
        for (var i = 0; i < 100; i++)
        {
            cache.Remember([new ModelInput("presidio", $"LABEL_{i}")], [PhoneAnswer]);

            // Asked every round, so each turn of the generations carries it over.
            Assert.Equal(EmailAnswer, Assert.Single(cache.TryAnswer([Email])!));
            Assert.InRange(cache.Count, 1, 8);
        }

        Assert.Null(cache.TryAnswer([new ModelInput("presidio", "LABEL_0")]));
        Assert.NotNull(cache.TryAnswer([new ModelInput("presidio", "LABEL_99")]));
    }

    [Fact]
    public void CapacityZero_NeverAnswers()
    {
        var cache = new PredictionCache(0);
        cache.Remember([Email], [EmailAnswer]);

        Assert.False(cache.Enabled);
        Assert.Null(cache.TryAnswer([Email]));
        Assert.Equal(0, cache.Count);
    }
}
