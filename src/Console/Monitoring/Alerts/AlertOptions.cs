using System.Globalization;

namespace Mapper.Console.Monitoring.Alerts;

/// <summary>One alert's settings under <c>Alerts:&lt;AlertName&gt;</c>; anything left out takes contract §7's default.</summary>
public sealed class AlertRuleSettings
{
    public double? Threshold { get; set; }

    /// <summary>How long the condition must hold before the alert fires: <c>10m</c>, <c>90s</c>, <c>1h</c> or <c>00:10:00</c>.</summary>
    public string? For { get; set; }

    /// <summary><c>warning</c> or <c>critical</c>.</summary>
    public string? Severity { get; set; }
}

/// <summary>The <c>Alerts</c> section: per-alert overrides of threshold, <c>for</c> and severity, validated at start.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    public static readonly string[] Severities = ["warning", "critical"];

    public Dictionary<string, AlertRuleSettings> Rules { get; } = new(StringComparer.Ordinal);

    /// <summary>Binds <c>Alerts:&lt;AlertName&gt;:Threshold|For|Severity</c>, one child section per alert (the console and the CLI alike).</summary>
    public static AlertOptions Load(Microsoft.Extensions.Configuration.IConfiguration configuration, List<string> problems)
    {
        var options = new AlertOptions();
        foreach (var child in configuration.GetSection(Section).GetChildren())
        {
            var rule = new AlertRuleSettings();
            try
            {
                child.Bind(rule);
            }
            catch (InvalidOperationException e)
            {
                problems.Add(e.Message);
            }

            options.Rules[child.Key] = rule;
        }

        return options;
    }

    /// <summary>Every problem at once, each naming the setting to fix; <paramref name="known"/> are the alert names there are.</summary>
    public IReadOnlyList<string> Validate(IReadOnlyCollection<string> known)
    {
        var problems = new List<string>();
        foreach (var (name, rule) in Rules)
        {
            if (!known.Contains(name))
            {
                problems.Add($"{Section}:{name} is not an alert; the alerts are {string.Join(", ", known)}");
                continue;
            }

            if (rule.Threshold is { } t && (!double.IsFinite(t) || t < 0))
            {
                problems.Add($"{Section}:{name}:Threshold must be a non-negative number, not {t.ToString(CultureInfo.InvariantCulture)}");
            }

            if (rule.For is { } text && (ParseDuration(text) is not { } span || span < TimeSpan.Zero || span > TimeSpan.FromDays(1)))
            {
                problems.Add($"{Section}:{name}:For must be a duration from 0s to 24h such as 10m, 90s or 00:10:00, not '{text}'");
            }

            if (rule.Severity is { } severity && !Severities.Contains(severity))
            {
                problems.Add($"{Section}:{name}:Severity must be warning or critical, not '{severity}'");
            }
        }

        return problems;
    }

    /// <summary><c>90s</c>, <c>10m</c>, <c>2h</c>, <c>1d</c>, or a TimeSpan such as <c>00:10:00</c>; null when it is neither.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            TimeSpan? unit = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                _ => null,
            };
            if (unit is { } u)
            {
                return u * number;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    /// <summary>A duration as Prometheus writes it: <c>10m</c>, <c>90s</c>.</summary>
    public static string PrometheusDuration(TimeSpan span) =>
        span.TotalSeconds % 3600 == 0 && span.TotalSeconds > 0 ? $"{span.TotalHours:0}h"
        : span.TotalSeconds % 60 == 0 && span.TotalSeconds > 0 ? $"{span.TotalMinutes:0}m"
        : $"{span.TotalSeconds:0}s";
}
