namespace Mapper.Engine.Pipeline;

/// <summary>Records nothing: for tools (CLI quality runs) that report their own numbers.</summary>
public sealed class NullDecisionRecorder : IDecisionRecorder
{
    public void Record(MappingDecision decision)
    {
    }
}
