using System.Globalization;
using Mapper.Console.Monitoring.Alerts;

namespace Mapper.Console.Incidents;

/// <summary>
/// The <c>Escalation</c> section: how long a critical alert may fire before the secondary on-call is paged, and the
/// webhook that pages them (optional: without one the escalation is still recorded and shown).
/// </summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    /// <summary>How long a critical alert fires before it escalates: <c>30m</c>, <c>90s</c> or <c>00:30:00</c>.</summary>
    public string Delay { get; set; } = "30m";

    /// <summary>Where the page is POSTed (JSON); empty: no webhook.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>When set, every body is signed: <c>X-Mapper-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>.</summary>
    public string Secret { get; set; } = "";

    /// <summary>One attempt's time limit.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the second attempt; it doubles before each one after.</summary>
    public double BackoffSeconds { get; set; } = 2;

    /// <summary>Open an incident for an escalating alert when none is open (else the page says there is none).</summary>
    public bool OpenIncident { get; set; } = true;

    /// <summary>The console's address as the secondary reaches it, for the incident link in the page; empty: a path only.</summary>
    public string ConsoleUrl { get; set; } = "";

    public TimeSpan DelaySpan => AlertOptions.ParseDuration(Delay) ?? TimeSpan.FromMinutes(30);

    public Uri? Webhook => string.IsNullOrWhiteSpace(WebhookUrl) ? null : new Uri(WebhookUrl.Trim());

    /// <summary>Every problem at once, each naming the setting to fix.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (AlertOptions.ParseDuration(Delay) is not { } delay || delay < TimeSpan.Zero || delay > TimeSpan.FromDays(1))
        {
            problems.Add($"{Section}:Delay must be a duration from 0s to 24h such as 30m, 90s or 00:30:00, not '{Delay}'");
        }

        if (!string.IsNullOrWhiteSpace(WebhookUrl) && !IsHttpUrl(WebhookUrl))
        {
            problems.Add($"{Section}:WebhookUrl must be an absolute http(s) URL, not '{WebhookUrl}'");
        }

        if (!string.IsNullOrEmpty(ConsoleUrl) && !IsHttpUrl(ConsoleUrl))
        {
            problems.Add($"{Section}:ConsoleUrl must be an absolute http(s) URL, not '{ConsoleUrl}'");
        }

        if (Secret.Length is > 0 and < 16)
        {
            problems.Add($"{Section}:Secret must be at least 16 characters when set (it signs the webhook body), not {Secret.Length}");
        }

        if (!double.IsFinite(TimeoutSeconds) || TimeoutSeconds is < 0.05 or > 120)
        {
            problems.Add($"{Section}:TimeoutSeconds must be within [0.05, 120], not {TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}");
        }

        if (MaxAttempts is < 1 or > 10)
        {
            problems.Add($"{Section}:MaxAttempts must be within [1, 10], not {MaxAttempts}");
        }

        if (!double.IsFinite(BackoffSeconds) || BackoffSeconds is < 0 or > 300)
        {
            problems.Add($"{Section}:BackoffSeconds must be within [0, 300], not {BackoffSeconds.ToString(CultureInfo.InvariantCulture)}");
        }

        return problems;
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https";
}
