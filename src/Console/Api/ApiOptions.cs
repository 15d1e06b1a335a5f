using System.Globalization;

namespace Mapper.Console.Api;

/// <summary>The <c>Api</c> configuration section: limits, the legacy sunset, idempotency, rate limits and keys.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    public int MaxPayloadKb { get; set; } = 64;

    public bool RawContentGuard { get; set; } = true;

    public int MaxBatchItems { get; set; } = 100;

    /// <summary>Labels one output may join with '|'. Real detectors send a handful; hundreds are a cost attack.</summary>
    public int MaxLabelsPerOutput { get; set; } = 32;

    /// <summary>Label words in one request, over all its outputs (a label counts its words, at least one): the engine's work.</summary>
    public int MaxLabelWordsPerRequest { get; set; } = 400;

    /// <summary>The date (yyyy-MM-dd, UTC) after which legacy DetectorRequest bodies may be refused.</summary>
    public string LegacySunset { get; set; } = "2027-06-30";

    public string LegacySunsetLink { get; set; } = "/openapi/v1.json";

    public int IdempotencyWindowMinutes { get; set; } = 60;

    public int IdempotencyMaxEntries { get; set; } = 10_000;

    /// <summary>
    /// Sustained work per second per caller, in label words (a one-label /map costs 1, a batch the words of all its
    /// outputs); each API key and each client address has its own bucket. 0 turns rate limiting off.
    /// </summary>
    public double RateLimitPerSecond { get; set; } = 500;

    public int RateLimitBurst { get; set; } = 1000;

    public bool RequireApiKey { get; set; }

    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>
    /// Addresses (1.2.3.4) or ranges (10.0.0.0/8) of reverse proxies whose X-Forwarded-For names the client.
    /// X-Forwarded-For from anyone else is ignored, so a client cannot choose the address it is limited by.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public int MaxPayloadBytes => MaxPayloadKb * 1024;

    public DateTimeOffset SunsetDate =>
        DateTimeOffset.ParseExact(LegacySunset, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxPayloadKb is < 4 or > 1024)
        {
            problems.Add($"{Section}:MaxPayloadKb must be within [4, 1024], not {MaxPayloadKb}");
        }

        if (MaxBatchItems is < 1 or > 100)
        {
            problems.Add($"{Section}:MaxBatchItems must be within [1, 100], not {MaxBatchItems}");
        }

        if (MaxLabelsPerOutput is < 1 or > 1000)
        {
            problems.Add($"{Section}:MaxLabelsPerOutput must be within [1, 1000], not {MaxLabelsPerOutput}");
        }

        if (MaxLabelWordsPerRequest is < 1 or > 100_000)
        {
            problems.Add($"{Section}:MaxLabelWordsPerRequest must be within [1, 100000], not {MaxLabelWordsPerRequest}");
        }

        if (!DateTimeOffset.TryParseExact(LegacySunset, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            problems.Add($"{Section}:LegacySunset must be a date as yyyy-MM-dd, not '{LegacySunset}'");
        }

        if (string.IsNullOrWhiteSpace(LegacySunsetLink) || LegacySunsetLink.Any(c => c is '<' or '>' || char.IsControl(c)))
        {
            problems.Add($"{Section}:LegacySunsetLink must be a URL");
        }

        if (IdempotencyWindowMinutes is < 1 or > 7 * 24 * 60)
        {
            problems.Add($"{Section}:IdempotencyWindowMinutes must be within [1, 10080], not {IdempotencyWindowMinutes}");
        }

        if (IdempotencyMaxEntries is < 1 or > 1_000_000)
        {
            problems.Add($"{Section}:IdempotencyMaxEntries must be within [1, 1000000], not {IdempotencyMaxEntries}");
        }

        if (!(RateLimitPerSecond >= 0) || double.IsInfinity(RateLimitPerSecond))
        {
            problems.Add($"{Section}:RateLimitPerSecond must be 0 (off) or a positive number, not {RateLimitPerSecond}");
        }

        if (RateLimitBurst < 1)
        {
            problems.Add($"{Section}:RateLimitBurst must be at least 1, not {RateLimitBurst}");
        }

        for (var i = 0; i < ApiKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ApiKeys[i].Key) || ApiKeys[i].Key.Length < 16)
            {
                problems.Add($"{Section}:ApiKeys:{i}:Key must be at least 16 characters");
            }

            // The name is the caller's identity in rate limits: two keys under one name would share a bucket.
            if (string.IsNullOrWhiteSpace(ApiKeys[i].Name))
            {
                problems.Add($"{Section}:ApiKeys:{i}:Name must be set: it names the caller (rate limits are kept per key name)");
            }
            else if (ApiKeys.FindIndex(k => string.Equals(k.Name, ApiKeys[i].Name, StringComparison.Ordinal)) < i)
            {
                problems.Add($"{Section}:ApiKeys:{i}:Name '{ApiKeys[i].Name}' is already the name of another key");
            }
        }

        for (var i = 0; i < TrustedProxies.Count; i++)
        {
            if (!TrustedProxyNetworks.TryParse(TrustedProxies[i], out _))
            {
                problems.Add($"{Section}:TrustedProxies:{i} must be an IP address (10.0.0.5) or a CIDR range (10.0.0.0/8), not '{TrustedProxies[i]}'");
            }
        }

        if (RequireApiKey && ApiKeys.Count == 0)
        {
            problems.Add($"{Section}:RequireApiKey is true but {Section}:ApiKeys is empty: no client could call");
        }

        return problems;
    }
}

/// <summary>One API key: who it is, what it may do (<c>map:write</c>), and optionally which tenants.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    public List<string> Scopes { get; set; } = [];

    /// <summary>Empty means any tenant.</summary>
    public List<string> Tenants { get; set; } = [];
}
