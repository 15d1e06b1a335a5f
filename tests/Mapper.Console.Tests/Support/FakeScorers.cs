using Mapper.Engine.Model;

namespace Mapper.Console.Tests.Support;

/// <summary>A model that always answers one label with one probability.</summary>
public sealed class FixedScorer(string label, double probability) : IModelScorer
{
    public string? ActiveModel => "fixed@1";

    public ValueTask<ModelAnswer> PredictAsync(IReadOnlyList<ModelInput> inputs, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ModelAnswer([.. inputs.Select(_ => new ModelPrediction(label, probability))], "fixed@1"));
}

/// <summary>A saturated model queue.</summary>
public sealed class OverloadedScorer : IModelScorer
{
    public string? ActiveModel => "busy@1";

    public ValueTask<ModelAnswer> PredictAsync(IReadOnlyList<ModelInput> inputs, CancellationToken cancellationToken) =>
        throw new ModelOverloadedException("queue full");
}
