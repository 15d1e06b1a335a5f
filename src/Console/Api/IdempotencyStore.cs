using System.Security.Cryptography;

namespace Mapper.Console.Api;

/// <summary>A stored first answer: only a hash of the request body and the serialized response.</summary>
public sealed record IdempotentAnswer(byte[] BodyHash, int Status, byte[] Response, bool Legacy, DateTimeOffset ExpiresAt);

/// <summary>
/// First answers by (tenant, path, Idempotency-Key), in memory, for <c>Api:IdempotencyWindowMinutes</c>,
/// at most <c>Api:IdempotencyMaxEntries</c> (the oldest go first).
/// </summary>
public sealed class IdempotencyStore(ApiOptions options, TimeProvider time)
{
    private readonly Dictionary<string, IdempotentAnswer> _answers = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public static byte[] Hash(byte[] body) => SHA256.HashData(body);

    public static string Key(string tenant, string path, string idempotencyKey) => $"{tenant}\n{path}\n{idempotencyKey}";

    public IdempotentAnswer? Find(string key)
    {
        lock (_lock)
        {
            return _answers.TryGetValue(key, out var answer) && answer.ExpiresAt > time.GetUtcNow() ? answer : null;
        }
    }

    public void Store(string key, byte[] bodyHash, int status, byte[] response, bool legacy)
    {
        var answer = new IdempotentAnswer(bodyHash, status, response, legacy, time.GetUtcNow().AddMinutes(options.IdempotencyWindowMinutes));
        lock (_lock)
        {
            if (_answers.TryGetValue(key, out var existing) && existing.ExpiresAt > time.GetUtcNow())
            {
                return; // A concurrent retry stored first; the first answer stands.
            }

            if (!_answers.ContainsKey(key))
            {
                _order.Enqueue(key);
            }

            _answers[key] = answer;
            while (_answers.Count > options.IdempotencyMaxEntries && _order.TryDequeue(out var oldest))
            {
                _answers.Remove(oldest);
            }
        }
    }
}
