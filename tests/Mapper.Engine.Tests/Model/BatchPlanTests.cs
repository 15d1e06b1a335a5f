using Mapper.Engine.Model;
using Mapper.Engine.Model.Network;

namespace Mapper.Engine.Tests.Model;

public sealed class BatchPlanTests
{
    [Fact]
    public void RunEnd_SimilarWidths_OneRun()
    {
        int[] widths = [40, 41, 41, 42, 44];

        Assert.Equal(widths.Length, BatchPlan.RunEnd(widths, 0));
    }

    [Fact]
    public void RunEnd_ShortAndLongLabels_SplitWhereWideningWouldPadMoreThanARunCosts()
    {
        int[] widths = [20, 20, 20, 20, 250, 260];

        Assert.Equal(4, BatchPlan.RunEnd(widths, 0));
        Assert.Equal(6, BatchPlan.RunEnd(widths, 4));
    }

    // Padding changes how ONNX Runtime vectorises the sum, so probabilities agree to the graph's 1e-5 contract, not bit for bit.
    [Fact]
    public void Predict_MixedLengthsInOneBatch_SameAnswersAsOneByOne()
    {
        using var classifier = OnnxClassifier.Load(TestAdapters.V1.Model, intraOpThreads: 1);
        var inputs = HeldOutSample.Load().Select(c => new ModelInput(c.Detector, c.InputOutput))
            .Append(new ModelInput("presidio", "international bank account number with a very long vendor suffix"))
            .Append(new ModelInput("presidio", "IP"))
            .ToArray();

        var batched = classifier.Predict(inputs);
        var single = inputs.Select(i => classifier.Predict([i])[0]).ToArray();

        Assert.Equal(single.Select(p => p.Label), batched.Select(p => p.Label));
        Assert.All(single.Zip(batched), pair => Assert.Equal(pair.First.Probability, pair.Second.Probability, 1e-5));
    }
}
