using Mapper.Console.Store;

namespace Mapper.Console.Actions;

/// <summary>The id and hash of the newest audit row: where the executor chains the next one. Loaded at start-up.</summary>
public sealed class AuditTail
{
    private readonly Lock _lock = new();
    private long _id;
    private string _hash = AuditChain.Genesis;

    public (long Id, string Hash) Last
    {
        get
        {
            lock (_lock)
            {
                return (_id, _hash);
            }
        }
    }

    public void Advance(AuditEntry entry)
    {
        lock (_lock)
        {
            _id = entry.Id;
            _hash = entry.Hash;
        }
    }
}
