using Mapper.Engine.Model;

namespace Mapper.Console.Tests.Support;

/// <summary>A model whose confidences cycle through a spread, so a what-if at different thresholds gives different rates.</summary>
public sealed class SpreadScorer(string label, params double[] probabilities) : IModelScorer
{
    private int _next = -1;

    public string? ActiveModel => "spread@1";

    public ValueTask<ModelAnswer> PredictAsync(IReadOnlyList<ModelInput> inputs, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ModelAnswer(
            [.. inputs.Select(_ => new ModelPrediction(label, probabilities[(int)((uint)Interlocked.Increment(ref _next) % probabilities.Length)]))], "spread@1"));
}
