using System.Security.Cryptography;
using System.Text;
using Mapper.Engine.Telemetry;

namespace Mapper.Console.Api;

/// <summary>
/// <c>X-API-Key</c> with scopes (<c>map:write</c>) and optional tenant lists, when <c>Api:RequireApiKey</c>
/// is on. Keys are compared as SHA-256 digests in fixed time.
/// </summary>
public sealed class ApiKeyAuthenticator
{
    public const string Header = "X-API-Key";
    public const string TenantHeader = "X-Tenant-ID";
    public const string MapWriteScope = "map:write";

    private readonly bool _required;
    private readonly IReadOnlyList<(byte[] Digest, ApiKeyOptions Key)> _keys;

    public ApiKeyAuthenticator(ApiOptions options)
    {
        _required = options.RequireApiKey;
        _keys = [.. options.ApiKeys.Select(k => (Digest(k.Key), k))];
    }

    /// <summary>The caller's key, or null when keys are not required. Throws 401 or 403 otherwise.</summary>
    public ApiKeyOptions? Authenticate(HttpRequest request, string scope)
    {
        if (!_required)
        {
            return null;
        }

        var presented = request.Headers[Header].ToString();
        if (presented.Length == 0)
        {
            throw new ApiProblemException(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, $"{Header}: required");
        }

        var digest = Digest(presented);
        var key = _keys.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(k.Digest, digest)).Key
            ?? throw new ApiProblemException(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, $"{Header}: not a valid key");
        if (!key.Scopes.Contains(scope, StringComparer.Ordinal))
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, ErrorCodes.InsufficientRbac, $"{Header}: the key lacks the scope {scope}");
        }

        return key;
    }

    /// <summary>The tenant header, when sent, must name the body's tenant; a key limited to tenants must include it.</summary>
    public static void AuthorizeTenant(HttpRequest request, ApiKeyOptions? key, string? bodyTenant)
    {
        var header = request.Headers[TenantHeader].ToString();
        if (header.Length > 0 && bodyTenant is not null && !string.Equals(header, bodyTenant, StringComparison.Ordinal))
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, ErrorCodes.InsufficientRbac, $"{TenantHeader}: differs from tenant_id of the body");
        }

        var tenant = bodyTenant ?? (header.Length > 0 ? header : null);
        if (key is { Tenants.Count: > 0 } && (tenant is null || !key.Tenants.Contains(tenant, StringComparer.Ordinal)))
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, ErrorCodes.InsufficientRbac, "tenant_id: the key may not act for this tenant");
        }
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
