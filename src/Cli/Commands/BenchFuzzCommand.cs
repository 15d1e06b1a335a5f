using System.Globalization;
using System.Text;

namespace Mapper.Cli.Commands;

/// <summary>
/// <c>mapper bench fuzz</c>: sends seeded hostile and mutated bodies to the console (in-process, real Kestrel,
/// the real model path) and counts the answers by status. Unlike the other benchmarks it judges one thing:
/// exit 0 only when no body got a 5xx and the console is healthy afterwards (GET /health 200, and an ordinary
/// /map still maps US_SSN to PII.Identifier.SSN); 1 otherwise, with the first offending cases listed.
/// </summary>
public static class BenchFuzzCommand
{
    public static CliCommand Definition { get; } = new(
        ["bench", "fuzz"],
        "mapper bench fuzz [--bodies 100000] [--seed N] [--clients 4] [--format text|json] [--config PATH]",
        ["--bodies", "--seed", "--clients", "--format", "--config"],
        [],
        RunAsync);

    private static async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var json = line.Choice("--format", "text", "json") == "json";
        var bodies = line.Int("--bodies", 1, 100_000_000) ?? 100_000;
        var seed = line.Int("--seed", 0, int.MaxValue) ?? 1;
        var clients = line.Int("--clients", 1, 256) ?? 4;
        var ct = context.CancellationToken;

        await using var host = await BenchConsoleHost.StartAsync(line.Value("--config"), null, ct);
        var model = await host.WaitForModelAsync(TimeSpan.FromMinutes(5), ct);
        var run = await FuzzRun.RunAsync(host.Address, bodies, seed, clients, ct);
        var health = await FuzzHealth.CheckAsync(host.Address, ct);
        var report = new FuzzReport(model, run, health, run.FiveXx == 0 && health.Healthy);
        await context.Out.WriteLineAsync(json ? CliJson.Serialize(report) : report.Text());
        return report.Passed
            ? ExitCodes.Ok
            : throw new CheckFailedException($"{run.FiveXx} of {bodies} bodies got a 5xx; console healthy after: {health.Healthy} (seed {seed})");
    }
}

/// <summary>The JSON of <c>mapper bench fuzz --format json</c>.</summary>
public sealed record FuzzReport(string Model, FuzzRunResult Run, FuzzHealth Health, bool Passed)
{
    public string Text()
    {
        var text = new StringBuilder();
        Line(text, $"Fuzz: {Run.Bodies} bodies, seed {Run.Seed}, {Run.Clients} clients, {Run.Seconds:0.0} s ({Run.Bodies / Math.Max(Run.Seconds, 1e-9):N0}/s), model {Model}");
        Line(text, $"by status: {string.Join(", ", Run.Statuses.Select(s => $"{s.Key} x{s.Value}"))}");
        foreach (var (kind, statuses) in Run.ByKind)
        {
            Line(text, $"  {kind,-13} {string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}"))}");
        }

        Line(text, $"5xx: {Run.FiveXx}; no HTTP answer: {Run.FailedExchanges}");
        foreach (var failure in Run.First5xx)
        {
            Line(text, $"  #{failure.Index} {failure.Kind} {failure.Path} [{failure.ContentType ?? "no content type"}] -> {failure.Status}: {failure.BodyStart}");
        }

        Line(text, $"after: GET /health {Health.HealthStatus}; POST /map presidio US_SSN {Health.MapStatus} {Health.MapLabel ?? "-"}");
        Line(text, $"{(Passed ? "PASS" : "FAIL")}: {(Passed ? "no 5xx, and the console is healthy after" : "see above")}");
        return text.ToString().TrimEnd();
    }

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
