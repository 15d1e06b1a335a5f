namespace Mapper.Engine.Pipeline;

/// <summary>Receives every counted decision: metrics, SLI windows and the recent-decisions ring hang off this.</summary>
public interface IDecisionRecorder
{
    void Record(MappingDecision decision);
}
