using Mapper.Engine.Pipeline;

namespace Mapper.Console.Tests.Support;

/// <summary>
/// A decision recorder (the telemetry edge every mapped request passes) that fails with an exception nobody expects,
/// carrying text that must never reach a client.
/// </summary>
public sealed class ThrowingDecisionRecorder : IDecisionRecorder
{
    public const string Secret = "recorder-disk-on-fire at Secret.cs:line 42";

    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Record(MappingDecision decision)
    {
        Interlocked.Increment(ref _calls);
        throw new InvalidOperationException(Secret);
    }
}
