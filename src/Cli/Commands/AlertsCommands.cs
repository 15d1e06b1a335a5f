using Mapper.Cli.Remote;
using Mapper.Console.Monitoring.Alerts;
using Mapper.Engine.Telemetry;
using Microsoft.Extensions.Configuration;

namespace Mapper.Cli.Commands;

/// <summary>
/// <c>mapper alerts list</c> (the console's alerts now) and <c>mapper alerts export-rules</c> (offline: a Prometheus
/// rules file with the same alerts, thresholds, <c>for</c> and severities as the console's evaluator).
/// </summary>
public static class AlertsCommands
{
    public static CliCommand ExportRules { get; } = new(
        ["alerts", "export-rules"],
        "mapper alerts export-rules [--out FILE] [--console-url URL] [--config PATH]   (a Prometheus rules file; stdout without --out)",
        ["--out", "--console-url", "--config"],
        [],
        ExportAsync);

    public static IReadOnlyList<CliCommand> Remote { get; } =
    [
        RemoteCommands.Define(["alerts", "list"], "mapper alerts list", [], [], ListAsync),
    ];

    private static async Task<int> ListAsync(RemoteCall call)
    {
        using var client = call.Authenticated();
        var view = await client.GetAsync("api/v1/alerts", call.CancellationToken);
        var lines = view["alerts"]!.AsArray().Select(a =>
            $"{(string?)a!["name"],-22} {(string?)a["state"],-10} {(a["value"] is { } v ? ((double)v).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "no data"),-9} " +
            $"fires {(string?)a["condition"]} for {(string?)a["for"]} ({(string?)a["severity"]})  {(string?)a["runbook"]}");
        return await call.WriteAsync(view, string.Join('\n', lines));
    }

    private static async Task<int> ExportAsync(CommandLine line, CliContext context)
    {
        var consoleUrl = line.Value("--console-url") ?? "http://localhost:5080";
        if (!Uri.TryCreate(consoleUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--console-url must be an http(s) URL, not '{consoleUrl}'");
        }

        var loaded = CliConfiguration.Load(line.Value("--config"));
        var problems = loaded.Problems.ToList();
        var slo = new SloOptions();
        loaded.Configuration.GetSection(SloOptions.Section).Bind(slo);
        problems.AddRange(slo.Validate());
        var alerts = AlertOptions.Load(loaded.Configuration, problems);
        problems.AddRange(alerts.Validate(AlertCatalog.Names));
        if (problems.Count > 0)
        {
            throw new InputFileException("invalid configuration:\n  " + string.Join("\n  ", problems));
        }

        var yaml = PrometheusRules.Write(AlertCatalog.Build(alerts, slo, loaded.Options.Profile), url.ToString().TrimEnd('/'));
        if (line.Value("--out") is { } path)
        {
            await File.WriteAllTextAsync(path, yaml, context.CancellationToken);
            await context.Out.WriteLineAsync($"wrote {AlertCatalog.Names.Count} alert rules to {Path.GetFullPath(path)}");
        }
        else
        {
            await context.Out.WriteAsync(yaml);
        }

        return ExitCodes.Ok;
    }
}
