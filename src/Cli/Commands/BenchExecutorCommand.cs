using System.Diagnostics;
using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Console.Store;
using Mapper.Engine.Model.Benchmarks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Cli.Commands;

/// <summary>
/// <c>mapper bench executor</c>: N threshold changes by the first admin through the one executor of a console
/// in this process (its own temp store, the real SQLite file): time per change (role check, epoch, engine
/// change, audit row with its hash and SLIs, commit), the store's size after them, and how long verifying the
/// whole chain takes. It prints numbers; it judges only that every change was applied and the chain verifies.
/// </summary>
public static class BenchExecutorCommand
{
    public static CliCommand Definition { get; } = new(
        ["bench", "executor"],
        "mapper bench executor [--changes 10000] [--callers 1] [--format text|json] [--config PATH]",
        ["--changes", "--callers", "--format", "--config"],
        [],
        RunAsync);

    private static async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var json = line.Choice("--format", "text", "json") == "json";
        var changes = line.Int("--changes", 1, 10_000_000) ?? 10_000;
        var callers = line.Int("--callers", 1, 256) ?? 1;
        var ct = context.CancellationToken;

        await using var host = await BenchConsoleHost.StartAsync(line.Value("--config"), null, ct);
        await host.WaitForModelAsync(TimeSpan.FromMinutes(5), ct);
        var executor = host.Services.GetRequiredService<OperatorExecutor>();
        var store = host.Services.GetRequiredService<StoreLocation>();
        var before = await StoreBytesAsync(host, store, ct);

        var samples = new double[changes];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var admin = new Actor("admin", Door.Cli);
            for (var i = Interlocked.Increment(ref next); i < changes; i = Interlocked.Increment(ref next))
            {
                // Sixty different values in turn, so every change is a real change of the live threshold. With several
                // callers, changes are applied in an order close to (not equal to) their numbers: two alternating values
                // let two changes of the same value land one after the other ("nothing to change").
                var change = new SetThreshold(null, ThresholdFor(i)) { Reason = "bench change " + i.ToString(CultureInfo.InvariantCulture) };
                var began = Stopwatch.GetTimestamp();
                var outcome = await executor.RunAsync(admin, change, ct);
                samples[i] = Stopwatch.GetElapsedTime(began).TotalMicroseconds;
                if (!outcome.Succeeded)
                {
                    throw new CheckFailedException($"change {i} was not applied: {outcome.Status} {outcome.Message}");
                }
            }
        }, ct)));
        var elapsed = Stopwatch.GetElapsedTime(started);

        var after = await StoreBytesAsync(host, store, ct);
        var verifyStarted = Stopwatch.GetTimestamp();
        var verdict = await host.Services.GetRequiredService<AuditQueries>().VerifyAsync(ct);
        var verifySeconds = Stopwatch.GetElapsedTime(verifyStarted).TotalSeconds;
        var result = new BenchExecutorResult(
            BenchMachine.Now(), changes, callers, changes / elapsed.TotalSeconds, LatencySummary.Of(samples), before, after, verdict.Rows, verdict.Intact, verifySeconds);
        await context.Out.WriteLineAsync(json ? CliJson.Serialize(result) : result.Text());
        return verdict.Intact ? ExitCodes.Ok : throw new CheckFailedException($"the audit chain does not verify after the benchmark: {verdict.Break}");
    }

    /// <summary>0.30, 0.31, ... 0.89, then again from 0.30: no two of sixty consecutive changes set the same value.</summary>
    private static double ThresholdFor(int change) => Math.Round(0.30 + (change % 60 / 100.0), 2);

    /// <summary>The store file's size once the write-ahead log is folded into it (what a copy of the file would weigh).</summary>
    private static async Task<long> StoreBytesAsync(BenchConsoleHost host, StoreLocation store, CancellationToken ct)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        return new FileInfo(store.FilePath).Length;
    }
}

/// <summary>What one <c>mapper bench executor</c> run measured (the JSON of <c>--format json</c>).</summary>
public sealed record BenchExecutorResult(
    BenchMachine Machine, int Changes, int Callers, double ChangesPerSecond, LatencySummary PerChange,
    long StoreBytesBefore, long StoreBytesAfter, long AuditRows, bool ChainIntact, double VerifySeconds)
{
    public string Text() => string.Create(CultureInfo.InvariantCulture, $"""
        Executor benchmark: {Changes} threshold changes by admin through the executor, {Callers} caller(s), the console's own SQLite store
        {Machine.Processors} processors, load average {Machine.LoadAverage}
          per change             p50 {PerChange.P50Microseconds / 1000,7:0.00} ms  p95 {PerChange.P95Microseconds / 1000,7:0.00} ms  p99 {PerChange.P99Microseconds / 1000,7:0.00} ms  mean {PerChange.MeanMicroseconds / 1000,7:0.00} ms
          throughput             {ChangesPerSecond,10:N0} changes/s
          store file             {StoreBytesBefore / 1048576.0:0.00} MiB before, {StoreBytesAfter / 1048576.0:0.00} MiB after ({(StoreBytesAfter - StoreBytesBefore) / (double)Changes:0} bytes per change, WAL checkpointed)
          audit chain            {AuditRows} rows, {(ChainIntact ? "intact" : "BROKEN")}, verified in {VerifySeconds:0.00} s
        """);
}
