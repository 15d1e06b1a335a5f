namespace Mapper.Console.Store;

/// <summary>
/// A bearer token for the admin API and the CLI. Only its SHA-256 is stored; the secret is shown once.
/// It acts with its user's current role, expires, and can be revoked.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public MapperUser? User { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The first characters of the secret, so a person can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public byte[] SecretHash { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
