using System.Security.Cryptography;
using System.Text;

namespace Mapper.Console.Identity;

/// <summary>Bearer token secrets: 32 random bytes behind a recognisable prefix; only their SHA-256 is stored.</summary>
public static class TokenSecrets
{
    public const string Prefix = "mpr_";

    /// <summary>Characters of the secret kept in clear, so people can tell their tokens apart.</summary>
    public const int ShownPrefixLength = 10;

    public static (string Secret, byte[] Hash, string Shown) New()
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (secret, Hash(secret), secret[..ShownPrefixLength]);
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>A cheap shape check before any lookup: the prefix and the length of a secret this console makes.</summary>
    public static bool LooksLikeSecret(string value) => value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length is >= 40 and <= 64;
}
