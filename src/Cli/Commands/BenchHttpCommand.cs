using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mapper.Engine.Controls;
using Mapper.Engine.Data;
using Mapper.Engine.Quality;

namespace Mapper.Cli.Commands;

/// <summary>
/// <c>mapper bench http</c>: the whole HTTP path under load, in one process. Starts the console on loopback,
/// waits for the model, then drives POST /map with N closed-loop clients for T seconds per run: the no-op
/// route (the framework's ceiling), rules-only and hybrid; then the worst-case batches the limits allow. It
/// prints numbers; it judges nothing (exit 0 when it ran).
/// </summary>
public static class BenchHttpCommand
{
    public static CliCommand Definition { get; } = new(
        ["bench", "http"],
        "mapper bench http [--clients 1,4,16,64] [--seconds 5] [--warmup 1] [--rounds 4] [--repeats 20] [--format text|json] [--config PATH]",
        ["--clients", "--seconds", "--warmup", "--rounds", "--repeats", "--format", "--config"],
        [],
        RunAsync);

    private static async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var json = line.Choice("--format", "text", "json") == "json";
        var clients = ClientCounts(line.Value("--clients") ?? "1,4,16,64");
        var seconds = Seconds(line, "--seconds", 5, min: 0.01);
        var warmup = Seconds(line, "--warmup", 1, min: 0);
        var rounds = line.Int("--rounds", 1, 50) ?? 4;
        var repeats = line.Int("--repeats", 1, 10_000) ?? 20;
        var ct = context.CancellationToken;

        await using var host = await BenchConsoleHost.StartAsync(line.Value("--config"), null, ct);
        var model = await host.WaitForModelAsync(TimeSpan.FromMinutes(5), ct);
        var bodies = RealisticBodies();
        var noop = bodies.Select(b => b with { Path = BenchConsoleHost.NoOpPath }).ToList();

        // At each client count the scenarios run back to back, round after round, and each reports its median
        // round: a shared machine's drift lands on all of them alike, and rules-only and hybrid swap places every
        // round, so neither always runs on the warmer (or the more disturbed) side of the other. Some rounds run far
        // slower than the rest, for a reason not found yet (the range shows them); with an even number of rounds each
        // of the two runs right after the no-op route equally often.
        var noopScenario = new Scenario("noop", MappingMode.Hybrid, noop);
        var rulesScenario = new Scenario("rules_only", MappingMode.RulesOnly, bodies);
        var hybridScenario = new Scenario("hybrid", MappingMode.Hybrid, bodies);
        var modelScenario = new Scenario("hybrid_model", MappingMode.Hybrid, bodies, FromCache: false);
        var runs = new List<LoadResult>();
        foreach (var count in clients)
        {
            var measured = new List<LoadResult>();
            for (var round = 0; round < rounds; round++)
            {
                Scenario[] order = round % 2 == 0 ? [noopScenario, rulesScenario, hybridScenario, modelScenario] : [noopScenario, modelScenario, hybridScenario, rulesScenario];
                foreach (var scenario in order)
                {
                    host.SetMode(scenario.Mode);
                    host.AnswerFromCache(scenario.FromCache);
                    var before = host.CacheLookups();
                    var load = await HttpLoad.RunAsync(scenario.Name, host.Address, scenario.Requests, count, warmup, seconds, ct);
                    measured.Add(scenario.Name is "hybrid" or "hybrid_model" ? load with { CachedShare = CachedShare(before, host.CacheLookups()) } : load);
                }
            }

            runs.AddRange(measured.GroupBy(r => r.Scenario).Select(g => LoadResult.MedianOf([.. g])));
        }

        string[] scenarioOrder = ["noop", "rules_only", "hybrid", "hybrid_model"];
        runs = [.. runs.OrderBy(r => Array.IndexOf(scenarioOrder, r.Scenario)).ThenBy(r => r.Clients)];

        // A hostile client sends words nobody sent before, so the worst cases (and the contention they cause) are
        // measured with every label run through the model.
        host.AnswerFromCache(false);
        var worst = new WorstCaseBatches(host.Api, seed: 1);
        using var http = HttpLoad.Client(host.Address, 2);
        var modes = new[] { ("hybrid", MappingMode.Hybrid), ("rules_only", MappingMode.RulesOnly) };
        await WarmAsync(host, worst, http, modes, warmup, ct);
        var worstCase = new List<WorstCaseResult>();
        foreach (var (name, mode) in modes)
        {
            host.SetMode(mode);
            foreach (var shape in worst.Shapes)
            {
                worstCase.Add(await worst.MeasureAsync(http, shape, name, repeats, ct));
            }
        }

        host.SetMode(MappingMode.Hybrid);
        var overLimits = await OverLimitsAsync(http, worst, ct);
        var contention = await ContentionAsync(host, worst, bodies, TimeSpan.FromSeconds(Math.Max(0.5, seconds.TotalSeconds)), ct);
        var result = new BenchHttpResult(BenchMachine.Now(), host.Address.ToString(), model, seconds.TotalSeconds, warmup.TotalSeconds, runs, worstCase, overLimits, contention);
        await context.Out.WriteLineAsync(json ? CliJson.Serialize(result) : result.Text());
        return ExitCodes.Ok;
    }

    /// <summary>Hits over lookups between two readings; 0 when no request looked (the cache was bypassed).</summary>
    private static double CachedShare((long Hits, long Misses) before, (long Hits, long Misses) after)
    {
        var hits = after.Hits - before.Hits;
        var lookups = hits + after.Misses - before.Misses;
        return lookups == 0 ? 0 : (double)hits / lookups;
    }

    /// <summary>One closed-loop load: its name, the mode it runs in, its bodies, and whether hybrid may answer from the cache.</summary>
    private sealed record Scenario(string Name, MappingMode Mode, List<LoadRequest> Requests, bool FromCache = true);

    /// <summary>The held-out golden cases as /map bodies: real detector names and labels, in a fixed order.</summary>
    internal static List<LoadRequest> RealisticBodies()
    {
        var cases = GoldenCaseLoader.LoadAll(Path.Combine(MappingDataLoader.BundledDirectory, "golden", "heldout")).SelectMany(f => f.Cases);
        return [.. cases.Select((c, i) => new LoadRequest("/map", JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["detector"] = c.Detector,
            ["output"] = c.InputOutput,
            ["tenant_id"] = $"tenant-{i % 8}",
        })))];
    }

    /// <summary>
    /// Sends every shape in every mode for the warm-up time (at least a second, and 30 rounds): the runtime compiles a
    /// method well only after some thirty calls, and a worst case timed on first-tier code would measure the JIT.
    /// </summary>
    private static async Task WarmAsync(BenchConsoleHost host, WorstCaseBatches worst, HttpClient http, (string Name, MappingMode Mode)[] modes, TimeSpan warmup, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(Math.Max(1, warmup.TotalSeconds) * Stopwatch.Frequency);
        for (var round = 0; round < 30 || Stopwatch.GetTimestamp() < until; round++)
        {
            foreach (var (name, mode) in modes)
            {
                host.SetMode(mode);
                foreach (var shape in worst.Shapes)
                {
                    await worst.MeasureAsync(http, shape, name, 1, ct);
                }
            }
        }
    }

    private static async Task<OverLimitsResult> OverLimitsAsync(HttpClient http, WorstCaseBatches worst, CancellationToken ct)
    {
        var body = worst.OverTheLimits();
        var started = Stopwatch.GetTimestamp();
        var status = await HttpLoad.SendAsync(http, new LoadRequest("/map/batch", body), ct);
        return new OverLimitsResult(body.Length, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>One client sends worst-case batches back to back; another sends single /map calls meanwhile.</summary>
    private static async Task<ContentionResult> ContentionAsync(BenchConsoleHost host, WorstCaseBatches worst, List<LoadRequest> bodies, TimeSpan duration, CancellationToken ct)
    {
        const string shape = "one_word_labels";
        using var http = HttpLoad.Client(host.Address, 2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heavy = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await HttpLoad.SendAsync(http, new LoadRequest("/map/batch", worst.Build(shape).Body), ct);
            }
        }, ct);

        var latencies = new List<long>();
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; Stopwatch.GetTimestamp() < until; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await HttpLoad.SendAsync(http, bodies[i % bodies.Count], ct);
            latencies.Add(Stopwatch.GetTimestamp() - started);
        }

        await stop.CancelAsync();
        await heavy;
        latencies.Sort();
        return new ContentionResult(shape, latencies.Count, LoadResult.Percentile(latencies, 0.5), LoadResult.Percentile(latencies, 0.99), LoadResult.TicksToMs(latencies[^1]));
    }

    private static List<int> ClientCounts(string text)
    {
        var counts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1024 ? n : -1).ToList();
        return counts.Count > 0 && counts.All(n => n > 0) ? counts : throw new UsageException($"--clients must be a comma-separated list of whole numbers within [1, 1024], not '{text}'");
    }

    /// <summary>A duration flag in seconds (decimals allowed: a smoke run takes a fraction of a second).</summary>
    internal static TimeSpan Seconds(CommandLine line, string name, double fallback, double min)
    {
        var text = line.Value(name);
        if (text is null)
        {
            return TimeSpan.FromSeconds(fallback);
        }

        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= min && value <= 3600
            ? TimeSpan.FromSeconds(value)
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number of seconds within [{min}, 3600], not '{text}'"));
    }
}
