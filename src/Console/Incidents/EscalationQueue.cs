using System.Threading.Channels;

namespace Mapper.Console.Incidents;

/// <summary>Escalations waiting for their webhook delivery: written after the executor commits, read by the delivery worker.</summary>
public sealed class EscalationQueue
{
    private readonly Channel<long> _channel = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(long escalation) => _channel.Writer.TryWrite(escalation);

    public IAsyncEnumerable<long> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
