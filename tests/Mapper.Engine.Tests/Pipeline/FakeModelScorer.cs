using Mapper.Engine.Model;

namespace Mapper.Engine.Tests.Pipeline;

/// <summary>A hand-written model at the edge: answers with whatever the test sets, or misbehaves on purpose.</summary>
internal sealed class FakeModelScorer : IModelScorer
{
    public string? ActiveModel { get; set; } = "fake-adapter@1.0.0";

    public Func<ModelInput, ModelPrediction> Answer { get; set; } = _ => new ModelPrediction("PII.Identifier.SSN", 0.97);

    public Exception? Throw { get; set; }

    public bool Hang { get; set; }

    public int Calls { get; private set; }

    public async ValueTask<ModelAnswer> PredictAsync(IReadOnlyList<ModelInput> inputs, CancellationToken cancellationToken)
    {
        Calls++;
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Throw is not null)
        {
            throw Throw;
        }

        return new ModelAnswer(inputs.Select(Answer).ToList(), ActiveModel!);
    }
}

internal sealed class ListRecorder : Mapper.Engine.Pipeline.IDecisionRecorder
{
    public List<Mapper.Engine.Pipeline.MappingDecision> Decisions { get; } = [];

    public void Record(Mapper.Engine.Pipeline.MappingDecision decision) => Decisions.Add(decision);
}
