using System.Globalization;
using Mapper.Engine.Data;
using Mapper.Engine.Model.Benchmarks;
using Mapper.Engine.Quality;

namespace Mapper.Cli.Commands;

/// <summary><c>mapper bench engine</c>: the in-process model benchmark. It prints numbers; it judges nothing (exit 0 when it ran).</summary>
public static class BenchEngineCommand
{
    public static CliCommand Definition { get; } = new(
        ["bench", "engine"],
        "mapper bench engine [--format text|json] [--iterations N] [--config PATH]   (N single-item calls per series, default 10000)",
        ["--format", "--iterations", "--config"],
        [],
        RunAsync);

    private static async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var json = line.Choice("--format", "text", "json") == "json";
        var iterations = line.Int("--iterations", 1, 10_000_000) ?? 10_000;
        var setup = CliSetup.Load(line);
        var model = setup.Loaded.Model;
        var settings = new EngineBenchmarkSettings
        {
            SingleCalls = iterations,
            // A short run (a smoke test) need not spend two seconds on throughput.
            ThroughputDuration = TimeSpan.FromSeconds(iterations >= 10_000 ? 2 : 0.2),
            Training = model.BaselineTraining,
        };
        var engineData = new EngineDataProvider(setup.Loaded.Options.ResolvedMappingDataDirectory, TimeProvider.System);
        var labels = EvaluationStrings.ForLeakGuard(engineData.Current.Data, model.GoldenDirectory);
        var result = await EngineBenchmark.RunAsync(engineData, labels, settings, context.CancellationToken);
        await context.Out.WriteLineAsync(json ? CliJson.Serialize(result) : Text(result));
        return ExitCodes.Ok;
    }

    private static string Text(EngineBenchmarkResult r)
    {
        var b = r.Breakdown;
        var c = r.ConcurrentBatcher;
        var p = r.Pipeline;
        return string.Create(CultureInfo.InvariantCulture, $"""
            Engine benchmark (in-process, 1 intra-op thread; {r.ProcessorCount} processors, load average {r.LoadAverage})
              adapter                {r.Adapter}: {r.AdapterFileBytes} bytes ({r.AdapterFileBytes / 1048576.0:0.0} MiB), trained in {r.TrainingSeconds:0.00} s
              session load           {r.SessionLoadMilliseconds,8:0.0} ms
              swap (gate included)   {r.SwapMilliseconds,8:0.0} ms
              single item, direct    {Latency(r.Direct)}   ({r.SingleItemCalls} calls)
              single item, batcher   {Latency(r.ThroughMicroBatcher)}
              batcher, {c.Callers,2} callers    {Latency(c.Latency)}   ({c.ItemsPerSecond:N0} items/s, {c.MeanBatchSize:0.0} items per run)
              mapping, rules-only    {Latency(p.RulesOnly)}   (the whole decision per request, no HTTP; {p.RulesOnlyBytesPerRequest:N0} B allocated)
              mapping, hybrid        {Latency(p.Hybrid)}   (a model run each; model answered {100 * p.HybridModelShare:0}%, the rules the rest; {p.HybridBytesPerRequest:N0} B allocated)
              mapping, hybrid cached {Latency(p.HybridCached)}   (every label answered before: no model run; {p.HybridCachedBytesPerRequest:N0} B allocated)
                schema check         {Latency(p.SchemaCheck)}   (one answer; both modes pay it once per answer, hybrid twice on a fallback)
              rule mapper, per call  {Latency(r.RuleMapper)}
                token tier calls     {Latency(r.RuleMapperTokenTier)}
                inputs by tier       {Mix(r.RuleMapperInputsByTier)}
              batched ({r.BatchSize}/batch)    {r.BatchedItemsPerSecond,10:N0} items/s
                per item             featurize {b.FeaturizeMicroseconds:0.00} µs, tensors {b.TensorMicroseconds:0.00} µs, onnx run {b.OnnxRunMicroseconds:0.00} µs, decode {b.DecodeMicroseconds:0.00} µs ({b.RunsPerBatch:0.0} runs per batch)
              memory                 working set {r.WorkingSetBytes / 1048576.0:0} MiB, managed heap {r.ManagedHeapBytes / 1048576.0:0} MiB
            """);
    }

    private static string Mix(IReadOnlyList<TierCount> mix)
    {
        var total = Math.Max(1, mix.Sum(t => t.Inputs));
        return string.Join(", ", mix.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Tier} {100.0 * t.Inputs / total:0}%"))) + $" of {total} inputs";
    }

    private static string Latency(LatencySummary l) =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {l.P50Microseconds,7:0.0} µs  p95 {l.P95Microseconds,7:0.0} µs  p99 {l.P99Microseconds,7:0.0} µs  mean {l.MeanMicroseconds,7:0.0} µs");
}
